using System.Collections.Immutable;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Explain;

/// <summary>
/// One <c>from</c>/<c>to</c> entry tested against the other end. When a namespaceSelector was tested,
/// <paramref name="Namespace"/> is the namespace whose labels it saw.
/// </summary>
public sealed record PeerEvidence(PolicyPeer Peer, bool Matched, ImmutableArray<Reason> Reasons, Namespace? Namespace);
