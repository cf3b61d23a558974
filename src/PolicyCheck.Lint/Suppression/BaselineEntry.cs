namespace PolicyCheck.Lint.Suppression;

/// <summary>
/// One accepted finding of a baseline file. <paramref name="Fingerprint"/> hashes the rule, the repository-relative
/// path, the object and the message, but no line or column, so it survives edits that only move the finding.
/// </summary>
public sealed record BaselineEntry(string RuleId, string Path, string? Object, string Message, string Fingerprint);
