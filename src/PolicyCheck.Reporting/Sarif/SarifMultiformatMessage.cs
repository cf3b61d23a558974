namespace PolicyCheck.Reporting.Sarif;

/// <summary>A SARIF <c>multiformatMessageString</c>: plain text and the same in Markdown.</summary>
public sealed record SarifMultiformatMessage(string Text, string Markdown);
