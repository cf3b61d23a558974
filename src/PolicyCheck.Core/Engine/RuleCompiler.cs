using System.Collections.Immutable;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Selectors;

namespace PolicyCheck.Core.Engine;

/// <summary>
/// Phase 3 of an evaluation: selectors become bit sets over nodes and ports become atoms. Pod selectors run once
/// per distinct selector through an inverted label index over the classes; namespace selectors through the same
/// kind of index over the namespaces that hold classes; ipBlock peers use the nodes of their block (classes
/// through known pod IPs, and external groups). Takes the earlier phases' results and returns
/// <see cref="CompiledPolicies"/>; it keeps no state between calls.
/// </summary>
internal static class RuleCompiler
{
    public static CompiledPolicies Compile(
        IReadOnlyList<NetworkPolicy> policies, NodeLayout layout, WorkloadClasses workloadClasses, AddressPartition addresses, EvaluationOptions options)
    {
        var classes = workloadClasses.Classes;
        var atoms = PortAtoms.Build(policies, classes.Select(c => c.NamedPorts.Select(p => (p.Key.Protocol, p.Value))), options);
        var n = layout.Count;
        // NetworkPolicy does not govern hostNetwork pods, and selectors never match them as peers: their traffic
        // carries the node's address. So they are left out of every selector's universe. (With --hostnetwork-pods
        // select, WorkloadClasses marks no class hostNetwork.)
        var index = new ClassIndex(n, [.. classes.Select(c => (IReadOnlyDictionary<string, string>)c.Labels)], c => !classes[c].HostNetwork);
        var byNamespace = new Dictionary<string, BitSet>(StringComparer.Ordinal);
        for (var c = 0; c < classes.Length; c++)
        {
            if (classes[c].HostNetwork)
                continue;
            if (!byNamespace.TryGetValue(classes[c].Namespace, out var set))
                byNamespace[classes[c].Namespace] = set = new BitSet(n);
            set.Set(c);
        }

        var none = new BitSet(n);
        var inNamespaces = NamespaceSelection(n, classes, byNamespace);
        var blockMembers = BlockMembers(layout, classes, addresses);

        var rules = ImmutableArray.CreateBuilder<CompiledRule>();
        bool[][] isolated = [new bool[classes.Length], new bool[classes.Length]];
        List<int>[][] rulesOf = [NewLists(classes.Length), NewLists(classes.Length)];
        foreach (var policy in policies)
        {
            var selected = index.Select(policy.PodSelector).Clone();
            selected.And(byNamespace.GetValueOrDefault(policy.Namespace, none));
            int[] targets = [.. selected.Ones()];
            foreach (var direction in (ReadOnlySpan<Direction>)[Direction.Ingress, Direction.Egress])
            {
                if (!policy.Affects(direction))
                    continue;
                foreach (var c in targets)
                    isolated[(int)direction][c] = true;
                foreach (var rule in policy.Rules(direction))
                {
                    var peers = new BitSet(n);
                    if (rule.MatchesAllPeers)
                        peers.SetAll(); // a missing or empty from/to matches every peer, outside addresses included
                    else
                    {
                        foreach (var peer in rule.Peers!.Value)
                        {
                            if (peer.IpBlock is not null)
                            {
                                peers.Or(blockMembers[addresses.BlockOf(peer)]);
                                continue;
                            }

                            var pods = index.Select(peer.PodSelector ?? LabelSelector.Everything).Clone();
                            pods.And(peer.NamespaceSelector is { } nsSelector
                                ? inNamespaces(nsSelector)
                                : byNamespace.GetValueOrDefault(policy.Namespace, none));
                            peers.Or(pods);
                        }
                    }

                    var id = rules.Count;
                    rules.Add(new CompiledRule(direction, peers, rule.MatchesAllPeers, atoms.Fixed(rule), NamedEntries(rule, options), targets));
                    foreach (var c in targets)
                        rulesOf[(int)direction][c].Add(id);
                }
            }
        }

        int[][][] frozen = [[.. rulesOf[0].Select(l => l.ToArray())], [.. rulesOf[1].Select(l => l.ToArray())]];
        return new CompiledPolicies(atoms, rules.ToImmutable(), isolated, frozen);
    }

    private static List<int>[] NewLists(int count)
    {
        var lists = new List<int>[count];
        for (var i = 0; i < count; i++)
            lists[i] = [];
        return lists;
    }

    /// <summary>A memoised function from a namespace selector to the classes in the namespaces it selects.</summary>
    private static Func<LabelSelector, BitSet> NamespaceSelection(int n, ImmutableArray<WorkloadClass> classes, Dictionary<string, BitSet> byNamespace)
    {
        var namespaces = byNamespace.Keys.Order(StringComparer.Ordinal).ToList();
        var namespaceIndex = new ClassIndex(
            namespaces.Count,
            [.. namespaces.Select(ns => (IReadOnlyDictionary<string, string>)classes[byNamespace[ns].Ones().First()].NamespaceLabels)],
            _ => true);
        var memo = new Dictionary<string, BitSet>(StringComparer.Ordinal);
        return selector =>
        {
            var key = ClassIndex.MemoKey(selector);
            if (memo.TryGetValue(key, out var cached))
                return cached;
            var union = new BitSet(n);
            foreach (var i in namespaceIndex.Select(selector).Ones())
                union.Or(byNamespace[namespaces[i]]);
            memo[key] = union;
            return union;
        };
    }

    /// <summary>For each distinct ipBlock, the nodes it matches: classes through known pod IPs, and external groups.</summary>
    private static BitSet[] BlockMembers(NodeLayout layout, ImmutableArray<WorkloadClass> classes, AddressPartition addresses)
    {
        var members = new BitSet[addresses.Blocks.Length];
        for (var b = 0; b < members.Length; b++)
            members[b] = new BitSet(layout.Count);
        for (var c = 0; c < classes.Length; c++)
        {
            foreach (var b in classes[c].IpBlocks)
                members[b].Set(c);
        }

        for (var g = 0; g < addresses.Groups.Length; g++)
        {
            foreach (var b in addresses.Groups[g].Blocks)
                members[b].Set(layout.ExternalNode(g));
        }

        return members;
    }

    /// <summary>A rule's named port entries; an SCTP one allows nothing where the plugin does not support SCTP.</summary>
    private static ImmutableArray<(string Name, Protocol Protocol)> NamedEntries(PolicyRule rule, EvaluationOptions options) =>
        rule.MatchesAllPorts
            ? []
            : [.. rule.Ports!.Value
                .Where(p => p.Port is { Name: not null } && PortAtoms.Applies(p, options))
                .Select(p => (p.Port!.Value.Name!, p.EffectiveProtocol))];
}
