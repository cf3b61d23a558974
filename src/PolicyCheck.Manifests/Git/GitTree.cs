using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;

namespace PolicyCheck.Manifests.Git;

/// <summary>
/// Manifests as they are at a git commit, copied into a temporary folder (<see cref="GitTreeReader"/>). Paths name
/// the same places as in the work tree. Disposing deletes the folder.
/// </summary>
public sealed class GitTree : IDisposable
{
    private readonly string _repository;

    internal GitTree(string reference, string repository, string folder, ImmutableArray<string> paths, ImmutableArray<string> missing, ImmutableArray<Diagnostic> diagnostics)
    {
        Reference = reference;
        _repository = repository;
        Folder = folder;
        Paths = paths;
        Missing = missing;
        Diagnostics = diagnostics;
    }

    /// <summary>The ref as the user wrote it.</summary>
    public string Reference { get; }

    /// <summary>The temporary folder holding the files.</summary>
    public string Folder { get; }

    /// <summary>Where the requested paths that exist at the ref now are, for the loader.</summary>
    public ImmutableArray<string> Paths { get; }

    /// <summary>Requested paths that do not exist at the ref (as written): that side has nothing there.</summary>
    public ImmutableArray<string> Missing { get; }

    /// <summary>
    /// Errors found while copying, which the loader cannot see: symbolic links at the ref that lead outside the
    /// repository (or are absolute) and so are not followed, as the loader refuses links that leave its input.
    /// </summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Shows a path inside <see cref="Folder"/> the way git names it: <c>REF:path/in/repo.yaml</c>.</summary>
    public string DisplayPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var prefix = Folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal)
            ? $"{Reference}:{path[prefix.Length..].Replace(Path.DirectorySeparatorChar, '/')}"
            : path;
    }

    /// <summary>
    /// Text that may name paths inside <see cref="Folder"/> (a diagnostic's argument, such as the input folder a link
    /// leaves, or a system error message quoting the file) with each shown as <see cref="DisplayPath"/> shows it, so
    /// the temporary folder never reaches a message.
    /// </summary>
    public string DisplayText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // The loader shows paths with '/' (on Windows the folder itself has '\\'), so both spellings are replaced.
        var slashed = Folder.Replace('\\', '/');
        var shown = text.Replace(Folder + Path.DirectorySeparatorChar, Reference + ":", StringComparison.Ordinal)
            .Replace(slashed + "/", Reference + ":", StringComparison.Ordinal);
        shown = shown.Replace(Folder, Reference + ":", StringComparison.Ordinal).Replace(slashed, Reference + ":", StringComparison.Ordinal);
        return shown;
    }

    /// <summary>Where a path inside <see cref="Folder"/> is in the work tree, as the repository lays it out at the ref.</summary>
    public string WorkTreePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var relative = Path.GetRelativePath(Folder, path);
        return relative == "." ? _repository : Path.Combine(_repository, relative);
    }

    public void Dispose() => Delete(Folder);

    internal static void Delete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary folder is not worth failing the command for.
        }
    }
}
