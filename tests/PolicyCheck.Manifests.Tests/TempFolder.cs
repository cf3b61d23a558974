namespace PolicyCheck.Manifests.Tests;

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Root = Directory.CreateTempSubdirectory("policycheck-loader-").FullName;
    }

    public string Root { get; }

    /// <summary>Writes <paramref name="text"/> to <paramref name="relativePath"/> (forward slashes), creating folders.</summary>
    public string Write(string relativePath, string text) => WriteBytes(relativePath, System.Text.Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!); // a file path always has a folder
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Folder(string relativePath) => Directory.CreateDirectory(Path.Combine(Root, relativePath)).FullName;

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
