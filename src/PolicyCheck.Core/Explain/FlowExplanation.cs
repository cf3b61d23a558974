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
    /// <summary>For an outside source named by an address or CIDR: the address of it that ipBlock evidence speaks of.</summary>
    public System.Net.IPAddress? FromAddress { get; init; }

    /// <summary>For an outside destination named by an address or CIDR: the address of it that ipBlock evidence speaks of.</summary>
    public System.Net.IPAddress? ToAddress { get; init; }
}
