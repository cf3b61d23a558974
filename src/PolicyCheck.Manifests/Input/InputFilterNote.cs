namespace PolicyCheck.Manifests.Input;

/// <summary>
/// An input as written (a file, or a folder whose every manifest matched) that the <c>ignore:</c> globs dropped,
/// with the pattern that matched (the last one for a folder).
/// </summary>
public sealed record InputFilterNote(string Input, string Pattern, bool IsFolder);
