using System.Collections.Immutable;

namespace PolicyCheck.Reporting.Sarif;

/// <summary>
/// The rule property bag GitHub code scanning reads: <c>tags</c>, <c>security-severity</c> (security rules only),
/// <c>precision</c> and <c>problem.severity</c> (<c>error</c>, <c>warning</c> or <c>recommendation</c>).
/// </summary>
public sealed record SarifRuleProperties(
    ImmutableArray<string> Tags,
    string? SecuritySeverity,
    SarifPrecision Precision,
    string ProblemSeverity);
