using System.Runtime.InteropServices;

namespace PolicyCheck.Manifests.Input;

/// <summary>
/// Tells regular files from pipes, sockets and devices, which .NET does not expose: opening a FIFO blocks until a
/// writer comes, and a device may never end. Uses Linux's <c>statx</c>, whose layout is the same on every
/// architecture; elsewhere every file that is not a folder counts as regular (the read bound still applies).
/// </summary>
internal static class FileKind
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;
    private const int TypeMask = 0xF000;
    private const int RegularType = 0x8000;

    /// <summary>True unless the path (links followed) is known to be something other than a regular file.</summary>
    public static bool IsRegular(string path)
    {
        if (!OperatingSystem.IsLinux())
            return true;
        var buffer = new byte[256];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
                return true; // unknown: the read that follows reports what is wrong
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return true;
        }

        var mode = BitConverter.ToUInt16(buffer, ModeOffset);
        return (mode & TypeMask) == RegularType;
    }

    // DllImport rather than LibraryImport: the latter needs unsafe code enabled for the whole project.
#pragma warning disable SYSLIB1054, CA5392, CA2101 // the path is marshalled as UTF-8 explicitly
    [DllImport("libc", EntryPoint = "statx")]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
#pragma warning restore SYSLIB1054, CA5392, CA2101
}
