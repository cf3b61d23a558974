using System.Collections.Immutable;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Services;

namespace PolicyCheck.Reporting.Services;

/// <summary>What the services listing renders: the service summaries, the subjects, and the cluster DNS assessment.</summary>
public sealed record ServicesReport(ImmutableArray<ServiceSummary> Services, ImmutableArray<Subject> Subjects, ClusterDnsAssessment? Dns)
{
    /// <summary>The network plugin model the results assume, recorded in JSON; the generic one by default.</summary>
    public EvaluationOptions Plugin { get; init; } = EvaluationOptions.Default;
}
