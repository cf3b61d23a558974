using System.Collections.Immutable;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Services;

/// <summary>
/// Whether <paramref name="Client"/> reaches one port of <paramref name="Service"/>, per backend. <paramref name="Note"/>
/// explains a verdict that has no backends or applies to all of them (ExternalName, no selector, no way in).
/// </summary>
public sealed record ServiceVerdict(
    Subject Client,
    Service Service,
    ServicePort Port,
    ServiceRoute Route,
    ImmutableArray<BackendVerdict> Backends,
    string? Note)
{
    /// <summary>
    /// Backends that are endpoints of this port: those where the targetPort resolved. kube-proxy never sends the port's
    /// traffic to the others, so they count neither for nor against the client.
    /// </summary>
    public int Endpoints => Backends.Count(b => b.Outcome != BackendOutcome.TargetPortUnresolved);

    /// <summary>Backends the client certainly reaches.</summary>
    public int Reached => Backends.Count(b => b.IsAllowed);

    /// <summary>Backends where the answer depends on the node addresses (source-NATed external traffic).</summary>
    public int Uncertain => Backends.Count(b => b.Outcome == BackendOutcome.DependsOnNodeAddresses);

    public ServiceCoverage Coverage =>
        Endpoints == 0 ? ServiceCoverage.NoEndpoints
        : Reached == Endpoints ? ServiceCoverage.All
        : Reached > 0 ? ServiceCoverage.Some
        : ServiceCoverage.None;
}
