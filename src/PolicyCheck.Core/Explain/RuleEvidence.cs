using System.Collections.Immutable;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Explain;

/// <summary>
/// One rule of a selecting policy: whether a peer matched (<paramref name="Peers"/> is empty when the rule matches
/// all peers), which ports its entries mean here, and what it contributes (<paramref name="Allows"/>: its ports when a
/// peer matched, otherwise nothing).
/// </summary>
public sealed record RuleEvidence(
    PolicyRule Rule,
    bool PeerMatched,
    ImmutableArray<Reason> PeerReasons,
    ImmutableArray<PeerEvidence> Peers,
    PortSet Ports,
    ImmutableArray<Reason> PortReasons,
    ImmutableArray<PortEvidence> PortEntries,
    PortSet Allows)
{
    /// <summary>With --port: whether this rule allows the asked port; <c>null</c> without --port.</summary>
    public bool? AllowsQuery { get; init; }
}
