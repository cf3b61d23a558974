namespace PolicyCheck.Reporting.Sarif;

/// <summary>
/// Where a diagnostic's path points, in SARIF terms: inside the repository a relative URI with forward slashes under
/// <c>%SRCROOT%</c>; outside it an absolute <c>file://</c> URI; a live object (<c>cluster://ctx/ns/kind/name</c>)
/// keeps its own URI. Both of the last two go without <c>uriBaseId</c>.
/// </summary>
internal static class SarifArtifactUris
{
    /// <summary>The absolute URI of the repository folder, ending in '/' as <c>originalUriBaseIds</c> requires.</summary>
    internal static Uri SourceRoot(string repositoryRoot)
    {
        // A filesystem root keeps its separator when trimmed, so add one only where it is missing.
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(repositoryRoot));
        return new Uri(Path.EndsInDirectorySeparator(full) ? full : full + Path.DirectorySeparatorChar);
    }

    /// <summary>The artifact location of <paramref name="path"/> and, for a file, its full path on this machine.</summary>
    internal static (SarifArtifactLocation Location, string? FullPath) Locate(string path, string repositoryRoot)
    {
        if (IsLiveObject(path))
            return (new SarifArtifactLocation(path, null), null);

        var root = Path.GetFullPath(repositoryRoot);
        var full = Path.GetFullPath(path, root);
        var relative = Path.GetRelativePath(root, full);
        if (relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            return (new SarifArtifactLocation(new Uri(full).AbsoluteUri, null), full);

        var segments = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var uri = string.Join('/', segments.Select(Uri.EscapeDataString));
        return (new SarifArtifactLocation(uri, SarifRun.SourceRootId), full);
    }

    /// <summary>A path with a URI scheme of two or more letters (so not a Windows drive) names no local file.</summary>
    private static bool IsLiveObject(string path)
    {
        var colon = path.IndexOf(':', StringComparison.Ordinal);
        return colon > 1 && Uri.CheckSchemeName(path[..colon]);
    }
}
