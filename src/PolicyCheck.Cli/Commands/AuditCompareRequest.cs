using System.Collections.Immutable;
using PolicyCheck.Core.Engine;
using PolicyCheck.Reporting.Audit;

namespace PolicyCheck.Cli.Commands;

/// <summary>Everything <c>policycheck audit compare</c> was asked to do, already parsed.</summary>
/// <param name="Paths">The manifests to compare the cluster with.</param>
/// <param name="FailOnDrift">Exit with <see cref="ExitCode.Findings"/> when any drift is found.</param>
public sealed record AuditCompareRequest(
    ImmutableArray<string> Paths,
    DriftFormat Format,
    bool FailOnDrift,
    string? OutputPath,
    IpBlockPodMatching IpBlockPods,
    bool Quiet,
    bool Verbose);
