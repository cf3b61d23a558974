namespace PolicyCheck.Reporting.Sarif;

/// <summary>
/// A SARIF <c>region</c> in 1-based lines and columns; <paramref name="EndColumn"/> is the column just past the last
/// character. The end is null when the span has none.
/// </summary>
public sealed record SarifRegion(int StartLine, int StartColumn, int? EndLine, int? EndColumn);
