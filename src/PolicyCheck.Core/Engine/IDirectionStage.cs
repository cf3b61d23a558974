using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Engine;

/// <summary>
/// One stage of the decision for a node's traffic in one direction (egress: the node as source; ingress: the node
/// as destination). A stage either has no opinion on a node's direction, passing it on to the next stage, or
/// decides it: then what it allows is allowed and everything else is denied. <see cref="StageChain"/> asks the
/// stages in order and gives each (node, direction) to the first that decides it; when none does, everything is
/// allowed. Today the only stage is <see cref="NetworkPolicyStage"/>.
/// <para>
/// Allowances are written sparsely: for one row source at a time the cell builder asks the deciding egress stage
/// for the source's egress towards every destination, and every stage for the ingress it admits from the source
/// into the destinations it decides. A stage that someday also denies or passes per port atom (the cluster-wide
/// Admin and Baseline tiers) would split its answer per atom instead of per node; the chain and the cell
/// builder are where that combination lives, so the other stages do not change.
/// </para>
/// </summary>
internal interface IDirectionStage
{
    /// <summary>Whether the stage decides <paramref name="node"/>'s traffic in <paramref name="direction"/>.</summary>
    bool Decides(int node, Direction direction);

    /// <summary>A group id per source node: sources of one group get the same allowances from this stage in both directions.</summary>
    int SourceGroup(int source);

    /// <summary>A group id per destination node: destinations of one group are treated alike by this stage as destinations and as peers.</summary>
    int TargetGroup(int destination);

    /// <summary>ORs into <paramref name="allowances"/>, per destination, the atoms the stage lets <paramref name="source"/> send.</summary>
    void AllowEgress(int source, NodeAllowances allowances);

    /// <summary>ORs into <paramref name="allowances"/>, per destination whose ingress the stage decides, the atoms it admits from <paramref name="source"/>.</summary>
    void AllowIngress(int source, NodeAllowances allowances);
}
