using PolicyCheck.Core.Diagnostics;

namespace PolicyCheck.Reporting.Sarif;

/// <summary>One diagnostic to report as one SARIF result; <paramref name="Suppression"/> is set when it is suppressed.</summary>
public sealed record SarifFinding(Diagnostic Diagnostic, SarifSuppression? Suppression = null)
{
    /// <summary>The finding of <paramref name="diagnostic"/>, its suppression (annotation: inSource; baseline: external) carried over.</summary>
    public static SarifFinding From(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return new SarifFinding(diagnostic, diagnostic.Suppression is { } suppression
            ? new SarifSuppression(suppression.Kind == SuppressionKind.InSource ? SarifSuppressionKind.InSource : SarifSuppressionKind.External, suppression.Justification)
            : null);
    }
}
