using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Services;

/// <summary>One backend of a service port, for one client: the targetPort used, the outcome and why.</summary>
/// <param name="TargetPort">The resolved targetPort; null when a named targetPort did not resolve on this backend.</param>
/// <param name="OwnPodOnly">
/// The client is this backend, with a single pod: it reaches only itself, which is always allowed and makes it no
/// client of its own Service (<see cref="ServiceClients"/>).
/// </param>
public sealed record BackendVerdict(Workload Backend, int? TargetPort, BackendOutcome Outcome, string Reason, bool OwnPodOnly = false)
{
    public bool IsAllowed => Outcome == BackendOutcome.Allowed;
}
