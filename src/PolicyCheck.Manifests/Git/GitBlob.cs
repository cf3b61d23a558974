namespace PolicyCheck.Manifests.Git;

/// <summary>A file of a commit: its object id and its path in the repository (forward slashes).</summary>
internal readonly record struct GitBlob(string Object, string Path);
