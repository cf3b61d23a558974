using System.Collections.Immutable;

namespace PolicyCheck.Reporting.Sarif;

/// <summary>
/// A SARIF <c>result</c>: one diagnostic. <paramref name="Locations"/> is empty only for a diagnostic with no place
/// in any file; <paramref name="Suppression"/> becomes the one entry of <c>suppressions</c>.
/// </summary>
public sealed record SarifResult(
    string RuleId,
    int RuleIndex,
    SarifLevel Level,
    string Message,
    ImmutableArray<SarifLocation> Locations,
    ImmutableArray<SarifLocation> RelatedLocations,
    string PrimaryLocationLineHash,
    SarifSuppression? Suppression);
