using System.Runtime.InteropServices;
using System.Text;

namespace PolicyCheck.Config;

/// <summary>
/// Reads a settings file (<c>.policycheck.yaml</c>, a profile, a lint baseline) that a pull request may control, so
/// it trusts nothing about it: only a regular file is opened (a FIFO would block the open, a device such as
/// /dev/zero never ends), checked after following symlinks, and at most <c>limit</c> bytes are read whatever the
/// file system says its length is. Every failure is one sentence naming the file; its content is never quoted.
/// </summary>
public static class SettingsFile
{
    /// <summary>The most a configuration file or a profile may hold: 1 MiB.</summary>
    public const int ConfigLimit = 1 << 20;

    /// <summary>The most a lint baseline may hold: 64 MiB.</summary>
    public const int BaselineLimit = 64 << 20;

    /// <summary>The text of <paramref name="path"/>, or null with <paramref name="error"/> saying why not.</summary>
    public static string? Read(string path, int limit, out string? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        error = null;
        if (Directory.Exists(path))
        {
            error = "it is a folder, not a file";
            return null;
        }

        if (!File.Exists(path))
        {
            error = "it does not exist";
            return null;
        }

        if (Kind(path) is { } kind and not FileKind.Regular)
        {
            error = $"it is not a regular file but a {Describe(kind)}";
            return null;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var buffer = new byte[Math.Min(limit + 1L, 1 << 16)];
            using var content = new MemoryStream();
            int read;
            while ((read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, limit + 1L - content.Length))) > 0)
            {
                content.Write(buffer, 0, read);
                if (content.Length > limit)
                {
                    error = $"it is larger than the limit of {Size(limit)}";
                    return null;
                }
            }

            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content.GetBuffer(), 0, (int)content.Length).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            error = "it is not UTF-8 text";
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = ex.Message.TrimEnd('.');
            return null;
        }
    }

    /// <summary>
    /// Whether <paramref name="path"/>, with every symlink on the way resolved, lies inside <paramref name="root"/>
    /// (also resolved): a file a checkout may name without reaching outside of it.
    /// </summary>
    public static bool IsInside(string path, string root)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(root);
        var real = RealPath(path, 0);
        var top = RealPath(root, 0).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        return string.Equals(real, top, comparison) || real.StartsWith(top + Path.DirectorySeparatorChar, comparison);
    }

    /// <summary>The full path with each symlink component replaced by its target, up to 40 links deep as POSIX does.</summary>
    private static string RealPath(string path, int depth)
    {
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full) ?? string.Empty;
        foreach (var part in full[current.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo entry = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (entry.LinkTarget is { } target && depth < 40)
                next = RealPath(Path.GetFullPath(target, current), depth + 1);
            current = next;
        }

        return current;
    }

    private static string Size(int bytes) => bytes % (1 << 20) == 0 ? $"{bytes >> 20} MiB" : $"{bytes} bytes";

    private enum FileKind
    {
        Regular,
        Fifo,
        CharacterDevice,
        BlockDevice,
        Socket,
        Other,
    }

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.Fifo => "named pipe (FIFO)",
        FileKind.CharacterDevice => "character device",
        FileKind.BlockDevice => "block device",
        FileKind.Socket => "socket",
        _ => "special file",
    };

    /// <summary>
    /// The type of the file <paramref name="path"/> leads to (symlinks followed), or null where it cannot be told
    /// (Windows, whose file system has no FIFOs or devices at ordinary paths). .NET has no public API for the file
    /// type on Unix, so this asks the runtime's own native layer, whose <c>stat</c> reports the mode in portable
    /// <c>S_IF*</c> values on every Unix.
    /// </summary>
    private static FileKind? Kind(string path)
    {
        if (OperatingSystem.IsWindows())
            return null;
        var status = new byte[512]; // larger than the runtime's FileStatus record on any platform
        try
        {
            if (NativeMethods.Stat([.. Encoding.UTF8.GetBytes(path), 0], status) != 0)
                return null; // the open below reports what is wrong
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }

        var mode = BitConverter.ToInt32(status, 4); // FileStatus: int Flags, int Mode, ...
        return (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Other,
        };
    }

    private static class NativeMethods
    {
        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Stat(byte[] utf8Path, [Out] byte[] status);
    }
}
