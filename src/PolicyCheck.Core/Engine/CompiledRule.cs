using System.Collections.Immutable;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Engine;

/// <summary>
/// One ingress or egress rule over nodes and port atoms: the classes its policy selects (<see cref="Targets"/>),
/// the nodes its from/to matches (<see cref="Peers"/>; every node when <see cref="AllPeers"/>), the atoms its
/// numeric ports allow and the named ports it resolves per destination.
/// </summary>
internal sealed record CompiledRule(
    Direction Direction,
    BitSet Peers,
    bool AllPeers,
    ulong[] FixedPorts,
    ImmutableArray<(string Name, Protocol Protocol)> Named,
    int[] Targets);
