namespace PolicyCheck.Manifests.Git;

/// <summary>Where a path is inside a repository, and the blobs <c>git ls-tree -r -z</c> lists under it.</summary>
internal static class GitTreeListing
{
    /// <summary>
    /// The path relative to the repository root ('' for the root), or null when it lies outside. <paramref name="prefix"/>
    /// is what <c>git rev-parse --show-prefix</c> printed in <paramref name="folder"/>.
    /// </summary>
    public static string? InRepository(string prefix, string folder, string fullPath)
    {
        const string Root = "/repository-root";
        var fromHere = Path.GetRelativePath(folder, fullPath).Replace(Path.DirectorySeparatorChar, '/');
        var full = Path.GetFullPath(Root + "/" + prefix + fromHere, "/").Replace(Path.DirectorySeparatorChar, '/');
        full = Path.TrimEndingDirectorySeparator(full);
        if (full == Root)
            return string.Empty;
        return full.StartsWith(Root + "/", StringComparison.Ordinal) ? full[(Root.Length + 1)..] : null;
    }

    /// <summary>Every record of <c>ls-tree -r -t -z</c> output: blobs, links, trees and submodules.</summary>
    public static IEnumerable<GitEntry> Parse(string listing)
    {
        foreach (var record in listing.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            // "<mode> SP <type> SP <object> TAB <path>"
            var tab = record.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0)
                continue;
            var fields = record[..tab].Split(' ');
            if (fields.Length == 3)
                yield return new GitEntry(fields[0], fields[1], fields[2], record[(tab + 1)..]);
        }
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="inRepo"/> or below it ('' is the root).</summary>
    public static bool IsAtOrBelow(string path, string inRepo) =>
        inRepo.Length == 0 || path == inRepo || path.StartsWith(inRepo + "/", StringComparison.Ordinal);
}
