using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Engine;

namespace PolicyCheck.Reporting.Sarif;

/// <summary>
/// Everything one SARIF log is made of. <paramref name="Rules"/> are the rules that ran (a finding's own descriptor
/// joins them if missing); <paramref name="RepositoryRoot"/> is the absolute folder that <c>%SRCROOT%</c> stands for;
/// <paramref name="Metadata"/> adds per-rule tags, security severity and help text, keyed by rule ID.
/// </summary>
public sealed record SarifInput(
    ImmutableArray<DiagnosticDescriptor> Rules,
    ImmutableArray<SarifFinding> Findings,
    string ToolVersion,
    string RepositoryRoot,
    string AutomationId,
    ImmutableDictionary<string, SarifRuleMetadata>? Metadata = null)
{
    /// <summary>The network plugin model the findings assume, recorded in the run's <c>properties.networkPlugin</c>.</summary>
    public EvaluationOptions Plugin { get; init; } = EvaluationOptions.Default;
}
