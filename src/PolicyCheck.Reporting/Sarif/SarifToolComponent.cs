using System.Collections.Immutable;

namespace PolicyCheck.Reporting.Sarif;

/// <summary>The SARIF <c>toolComponent</c> of <c>tool.driver</c>: PolicyCheck, its version and its rules.</summary>
public sealed record SarifToolComponent(
    string Name,
    string Version,
    string SemanticVersion,
    Uri InformationUri,
    ImmutableArray<SarifReportingDescriptor> Rules);
