using PolicyCheck.Reporting.Audit;

namespace PolicyCheck.Cli.Commands;

/// <summary>Everything <c>policycheck audit compare</c> was asked to do, already parsed; <see cref="CommandRequest.Paths"/> are the manifests to compare the cluster with.</summary>
public sealed record AuditCompareRequest : CommandRequest
{
    public DriftFormat Format { get; init; }

    /// <summary>Exit with <see cref="ExitCode.Findings"/> when any drift is found.</summary>
    public bool FailOnDrift { get; init; }
}
