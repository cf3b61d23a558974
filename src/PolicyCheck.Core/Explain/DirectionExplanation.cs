using System.Collections.Immutable;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Explain;

/// <summary>
/// One side of a flow: the source's egress or the destination's ingress. <paramref name="Pod"/> is the subject
/// whose policies decide this side (the source for egress, the destination for ingress); <paramref name="Allows"/>
/// is what this side lets through (every port when it is not isolated); <paramref name="Policies"/> are the
/// policies of this direction that select the pod, in cluster order.
/// </summary>
public sealed record DirectionExplanation(
    Direction Direction,
    Subject Pod,
    DirectionStatus Status,
    Reason Reason,
    ImmutableArray<PolicyEvidence> Policies,
    PortSet Allows)
{
    /// <summary>With --port: whether this side allows the asked port; <c>null</c> without --port.</summary>
    public bool? AllowsQuery { get; init; }
}
