using System.Collections.Immutable;
using PolicyCheck.Core.Engine;

namespace PolicyCheck.Reporting.Sarif;

/// <summary>
/// One SARIF <c>run</c>: the tool, <c>automationDetails.id</c>, the absolute URI behind <c>%SRCROOT%</c>
/// (<c>originalUriBaseIds</c>) and the results, in the order they are written.
/// </summary>
public sealed record SarifRun(
    SarifToolComponent Driver,
    string AutomationId,
    Uri SourceRoot,
    ImmutableArray<SarifResult> Results)
{
    /// <summary>The <c>uriBaseId</c> of every location inside the repository.</summary>
    public const string SourceRootId = "%SRCROOT%";

    /// <summary>The network plugin model the results assume, written as <c>properties.networkPlugin</c>.</summary>
    public EvaluationOptions Plugin { get; init; } = EvaluationOptions.Default;
}
