using System.Collections.Immutable;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint;

/// <summary>One written <c>from</c> or <c>to</c> list: the policy and rule it belongs to and its peers.</summary>
public sealed record PolicyPeerList(NetworkPolicy Policy, PolicyRule Rule, ImmutableArray<PolicyPeer> Peers);
