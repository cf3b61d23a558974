using PolicyCheck.Core.Engine;

namespace PolicyCheck.Core.Explain;

/// <summary>
/// Why traffic from <paramref name="From"/> to <paramref name="To"/> is allowed or not: the allowed port set
/// (<paramref name="Allowed"/>, the egress side's set intersected with the ingress side's) and the evidence of each side.
/// With a <paramref name="Port"/>, <see cref="Verdict"/> answers for that port; without, it says whether anything
/// is allowed.
/// </summary>
/// <param name="ResolvedPort">The asked port as the destination reads it (named ports resolved); <c>null</c> without
/// --port or when the name is not defined on the destination.</param>
public sealed record FlowExplanation(
    Subject From,
    Subject To,
    PortQuery? Port,
    ResolvedPort? ResolvedPort,
    Verdict Verdict,
    PortSet Allowed,
    DirectionExplanation Egress,
    DirectionExplanation Ingress)
{
    /// <summary>
    /// Whether this is traffic from one pod of a workload with several pods to another pod of it (both ends are the
    /// same subject): governed by the policies like any pair, as the matrix's diagonal shows it.
    /// </summary>
    public bool BetweenReplicas { get; init; }

    /// <summary>
    /// For a denied flow, which side stops it; <c>null</c> when it is allowed or no side is to blame (both ends outside
    /// the cluster, or a port name the destination does not define).
    /// </summary>
    public DeniedBy? DeniedBy { get; init; }

    /// <summary>For an outside source named by an address or CIDR: the address of it that ipBlock evidence speaks of.</summary>
    public System.Net.IPAddress? FromAddress { get; init; }

    /// <summary>For an outside destination named by an address or CIDR: the address of it that ipBlock evidence speaks of.</summary>
    public System.Net.IPAddress? ToAddress { get; init; }
}
