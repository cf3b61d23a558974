using System.Collections.Immutable;
using System.Net;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Engine;

/// <summary>
/// Phase 1 of an evaluation: the distinct ipBlocks of the active policies, and the outside address space cut into
/// the groups they tell apart. Two ipBlocks with the same cidr and excepts are one block. An external group holds
/// every range of one address family whose addresses lie in exactly the same blocks, so no policy can tell its
/// addresses apart; IPv4 and IPv6 addresses never share a group.
/// Built once, read-only afterwards.
/// </summary>
internal sealed class AddressPartition
{
    private readonly Dictionary<PolicyPeer, int> _peerBlock;

    private AddressPartition(ImmutableArray<IpBlock> blocks, Dictionary<PolicyPeer, int> peerBlock, ImmutableArray<ExternalGroup> groups)
    {
        Blocks = blocks;
        _peerBlock = peerBlock;
        Groups = groups;
    }

    /// <summary>The distinct ipBlocks, in order of first use.</summary>
    public ImmutableArray<IpBlock> Blocks { get; }

    /// <summary>The external address groups, in the order their first range was met (IPv4 first, by address).</summary>
    public ImmutableArray<ExternalGroup> Groups { get; }

    /// <summary>The index in <see cref="Blocks"/> of an ipBlock peer's block.</summary>
    public int BlockOf(PolicyPeer peer) => _peerBlock[peer];

    public static AddressPartition Build(IReadOnlyList<NetworkPolicy> policies)
    {
        var blocks = ImmutableArray.CreateBuilder<IpBlock>();
        var peerBlock = new Dictionary<PolicyPeer, int>(ReferenceEqualityComparer.Instance);
        var byKey = new Dictionary<BlockKey, int>();
        foreach (var policy in policies)
        {
            foreach (var direction in (ReadOnlySpan<Direction>)[Direction.Ingress, Direction.Egress])
            {
                if (!policy.Affects(direction))
                    continue;
                foreach (var rule in policy.Rules(direction))
                {
                    foreach (var peer in rule.Peers ?? [])
                    {
                        if (peer.IpBlock is not { } block)
                            continue;
                        var key = BlockKey.Of(block);
                        if (!byKey.TryGetValue(key, out var index))
                        {
                            index = blocks.Count;
                            byKey[key] = index;
                            blocks.Add(block);
                        }

                        peerBlock[peer] = index;
                    }
                }
            }
        }

        var distinct = blocks.ToImmutable();
        return new AddressPartition(distinct, peerBlock, BuildGroups(distinct));
    }

    private static ImmutableArray<ExternalGroup> BuildGroups(ImmutableArray<IpBlock> blocks)
    {
        var members = new List<int[]>();
        var ranges = new List<List<IpInterval>>();
        foreach (var family in IpInterval.Families)
        {
            // Groups are per family: an IPv4 and an IPv6 range that lie in the same blocks (often none at all) are
            // still two subjects, so no outside subject is named after one family while holding the other.
            var bySignature = new Dictionary<int[], int>(IntSequenceComparer.Instance);
            var max = IpInterval.MaxValue(family);
            var cuts = new SortedSet<UInt128> { UInt128.Zero };
            foreach (var block in blocks)
            {
                foreach (var cidr in block.Except.Prepend(block.Cidr))
                {
                    if (cidr.Family != family)
                        continue;
                    var bounds = IpInterval.FromCidr(cidr);
                    cuts.Add(bounds.First);
                    if (!bounds.EndsAtMax)
                        cuts.Add(bounds.Last + 1);
                }
            }

            var starts = cuts.ToList();
            for (var i = 0; i < starts.Count; i++)
            {
                var range = new IpInterval(family, starts[i], i + 1 < starts.Count ? starts[i + 1] - 1 : max);
                var probe = range.FirstAddress;
                var signature = MatchingBlocks(blocks, probe);
                if (!bySignature.TryGetValue(signature, out var group))
                {
                    group = members.Count;
                    bySignature[signature] = group;
                    members.Add(signature);
                    ranges.Add([]);
                }

                // Ranges come in address order, so merging with the previous one keeps ranges maximal.
                var own = ranges[group];
                if (own.Count > 0 && own[^1].IsFollowedBy(range))
                    own[^1] = own[^1] with { Last = range.Last };
                else
                    own.Add(range);
            }
        }

        var groups = ImmutableArray.CreateBuilder<ExternalGroup>(members.Count);
        for (var g = 0; g < members.Count; g++)
            groups.Add(new ExternalGroup([.. members[g]], [.. ranges[g]]));
        return groups.MoveToImmutable();
    }

    private static int[] MatchingBlocks(ImmutableArray<IpBlock> blocks, IPAddress probe)
    {
        var matched = new List<int>();
        for (var b = 0; b < blocks.Length; b++)
        {
            if (blocks[b].Contains(probe))
                matched.Add(b);
        }

        return [.. matched];
    }

    /// <summary>An ipBlock by content: its cidr's network and its except networks in a canonical order.</summary>
    private sealed class BlockKey : IEquatable<BlockKey>
    {
        private readonly IPNetwork _cidr;
        private readonly IPNetwork[] _excepts;

        private BlockKey(IPNetwork cidr, IPNetwork[] excepts)
        {
            _cidr = cidr;
            _excepts = excepts;
        }

        public static BlockKey Of(IpBlock block) =>
            new(block.Cidr.Network, [.. block.Except.Select(e => e.Network).OrderBy(n => n.ToString(), StringComparer.Ordinal)]);

        public bool Equals(BlockKey? other) =>
            other is not null && _cidr.Equals(other._cidr) && _excepts.AsSpan().SequenceEqual(other._excepts);

        public override bool Equals(object? obj) => Equals(obj as BlockKey);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            hash.Add(_cidr);
            foreach (var network in _excepts)
                hash.Add(network);
            return hash.ToHashCode();
        }
    }
}
