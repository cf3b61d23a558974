using PolicyCheck.Core.Diagnostics;

namespace PolicyCheck.Reporting.Sarif;

/// <summary>One diagnostic to report as one SARIF result; <paramref name="Suppression"/> is set when it is suppressed.</summary>
public sealed record SarifFinding(Diagnostic Diagnostic, SarifSuppression? Suppression = null);
