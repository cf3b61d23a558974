namespace PolicyCheck.Kube.Tests;

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Root = Directory.CreateTempSubdirectory("policycheck-kube-").FullName;
    }

    public string Root { get; }

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!); // a file path always has a folder
        File.WriteAllText(path, text);
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

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
