namespace PolicyCheck.Manifests.Input;

/// <summary>One text to load: a file (<paramref name="FullPath"/>) or standard input (null).</summary>
/// <param name="DisplayPath">The path as the user gave it, with forward slashes; <c>&lt;stdin&gt;</c> for standard input.</param>
internal readonly record struct InputSource(string DisplayPath, string? FullPath)
{
    public const string StdinPath = "<stdin>";

    public bool IsStdin => FullPath is null;
}
