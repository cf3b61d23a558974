using System.Collections.Immutable;

namespace PolicyCheck.Core.Model;

/// <summary>
/// One ingress or egress rule. <paramref name="Peers"/> (<c>from</c>/<c>to</c>) and <paramref name="Ports"/> are
/// <c>null</c> when absent; absent and empty both match everything, but lint tells them apart.
/// </summary>
/// <param name="Index">0-based position in the policy's ingress or egress list.</param>
public sealed record PolicyRule(
    Direction Direction,
    int Index,
    ImmutableArray<PolicyPeer>? Peers,
    ImmutableArray<PolicyPort>? Ports,
    SourceSpan Span)
{
    /// <summary>A missing or empty peer list matches every source or destination, cluster-external ones included.</summary>
    public bool MatchesAllPeers => Peers is not { Length: > 0 };

    /// <summary>A missing or empty port list matches every port of every protocol.</summary>
    public bool MatchesAllPorts => Ports is not { Length: > 0 };

    /// <summary>
    /// The 1-based number people read: "ingress rule #1" is <c>spec.ingress[0]</c>. Every message names a rule by this
    /// number; paths keep the 0-based <see cref="Index"/>.
    /// </summary>
    public int Number => Index + 1;
}
