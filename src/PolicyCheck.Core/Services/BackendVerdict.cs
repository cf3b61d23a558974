using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Services;

/// <summary>One backend of a service port, for one client: the targetPort used, the outcome and why.</summary>
/// <param name="TargetPort">The resolved targetPort; null when a named targetPort did not resolve on this backend.</param>
public sealed record BackendVerdict(Workload Backend, int? TargetPort, BackendOutcome Outcome, string Reason)
{
    public bool IsAllowed => Outcome == BackendOutcome.Allowed;
}
