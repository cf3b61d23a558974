namespace PolicyCheck.Core.Diagnostics;

/// <summary>Ordered from least to most severe; maps to SARIF levels note, warning and error.</summary>
public enum Severity
{
    Note,
    Warning,
    Error,
}
