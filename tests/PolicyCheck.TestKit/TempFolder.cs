using System.Collections.Concurrent;
using System.Text;

namespace PolicyCheck.TestKit;

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Root = Directory.CreateTempSubdirectory("policycheck-tests-").FullName;
    }

    public string Root { get; }

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no BOM) to <paramref name="relativePath"/>, creating folders.</summary>
    public string Write(string relativePath, string text) => WriteBytes(relativePath, Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!); // a file path always has a folder
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Writes an executable script (mode 0755).</summary>
    public string WriteScript(string relativePath, string text)
    {
        var path = Write(relativePath, text);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return path;
    }

    /// <summary>Creates the folder <paramref name="relativePath"/> (and its parents) and returns its full path.</summary>
    public string Folder(string relativePath) => Directory.CreateDirectory(Path.Combine(Root, relativePath)).FullName;

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static readonly ConcurrentBag<TempFolder> Scratches = [];

    /// <summary>
    /// A fresh folder for a test that cannot scope one with <c>using</c> (its path outlives a helper method), deleted
    /// by <see cref="DeleteScratches"/>, which a test assembly's <c>[SetUpFixture]</c> calls once all tests ran.
    /// </summary>
    public static string Scratch()
    {
        var folder = new TempFolder();
        Scratches.Add(folder);
        return folder.Root;
    }

    /// <summary>Deletes every folder <see cref="Scratch"/> made (ones already gone are skipped).</summary>
    public static void DeleteScratches()
    {
        while (Scratches.TryTake(out var folder))
        {
            if (Directory.Exists(folder.Root))
                folder.Dispose();
        }
    }
}
