namespace PolicyCheck.Reporting.Sarif;

/// <summary>The SARIF <c>level</c> values PolicyCheck emits, one per <see cref="Core.Diagnostics.Severity"/>.</summary>
public enum SarifLevel
{
    Note,
    Warning,
    Error,
}
