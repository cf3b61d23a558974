using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using System.Numerics;
using System.Text;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Selectors;

namespace PolicyCheck.Core.Engine;

/// <summary>
/// One evaluation. Workloads that no selector, named port or ipBlock can tell apart share an equivalence class;
/// selectors are evaluated once per class into bit sets; ports are split into the atoms the policies and named
/// container ports distinguish, so an allowed set is a small bit set. "Nodes" are classes followed by external
/// address groups.
/// </summary>
internal sealed class EvaluationRun
{
    private readonly Cluster _cluster;
    private readonly EvaluationOptions _options;
    private readonly IProgress<AnalysisProgress>? _progress;
    private readonly CancellationToken _cancellationToken;

    private readonly List<PeerRef> _ipPeers = [];
    private readonly List<WorkloadClass> _classes = [];
    private readonly List<ExternalGroup> _externals = [];
    private readonly List<CompiledRule> _rules = [];
    private PortAtoms _atoms = null!; // set in Run before any use

    public EvaluationRun(Cluster cluster, EvaluationOptions options, IProgress<AnalysisProgress>? progress, CancellationToken cancellationToken)
    {
        _cluster = cluster;
        _options = options;
        _progress = progress;
        _cancellationToken = cancellationToken;
    }

    private int NodeCount => _classes.Count + _externals.Count;

    public ReachabilityMatrix Run()
    {
        var activePolicies = _cluster.Policies.Where(p => p.AffectsIngress || p.AffectsEgress).ToList();
        CollectIpPeers(activePolicies);
        var workloads = _cluster.Workloads
            .OrderBy(w => w.Namespace, StringComparer.Ordinal)
            .ThenBy(w => w.Name, StringComparer.Ordinal)
            .ThenBy(w => w.Kind)
            .ToList();
        var workloadClass = BuildClasses(workloads, activePolicies);
        BuildExternalGroups();
        _atoms = PortAtoms.Build(activePolicies, _classes.Select(c => c.NamedPorts.Select(p => (p.Key.Protocol, p.Value))));
        CompileRules(activePolicies);
        var (runStarts, runValues, portSets) = ComputeCells();
        return Assemble(workloads, workloadClass, runStarts, runValues, portSets);
    }

    // ---- ipBlocks -------------------------------------------------------------------------------------------

    private void CollectIpPeers(List<NetworkPolicy> policies)
    {
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
                        if (peer.IpBlock is { } block)
                            _ipPeers.Add(new PeerRef(peer, block));
                    }
                }
            }
        }
    }

    // ---- equivalence classes ---------------------------------------------------------------------------------

    private int[] BuildClasses(List<Workload> workloads, List<NetworkPolicy> policies)
    {
        // Only label keys some pod selector reads, and only port names some policy names, can tell pods apart.
        var podKeys = new HashSet<string>(StringComparer.Ordinal);
        var portNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var policy in policies)
        {
            podKeys.UnionWith(policy.PodSelector.Keys);
            foreach (var rule in policy.Rules(Direction.Ingress).Concat(policy.Rules(Direction.Egress)))
            {
                foreach (var peer in rule.Peers ?? [])
                {
                    if (peer.PodSelector is { } selector)
                        podKeys.UnionWith(selector.Keys);
                }

                foreach (var port in rule.Ports ?? [])
                {
                    if (port.Port is { Name: { } name })
                        portNames.Add(name);
                }
            }
        }

        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new int[workloads.Count];
        var key = new StringBuilder();
        for (var i = 0; i < workloads.Count; i++)
        {
            var w = workloads[i];
            var ipSignature = IpSignature(w);
            key.Clear();
            key.Append(w.Namespace).Append('\0').Append(w.HostNetwork ? '1' : '0').Append('\0');
            foreach (var (k, v) in w.Labels)
            {
                if (podKeys.Contains(k))
                    key.Append(k).Append('=').Append(v).Append('\u0001');
            }

            key.Append('\0');
            var namedPorts = NamedPorts(w, portNames);
            foreach (var ((name, protocol), number) in namedPorts.OrderBy(p => p.Key.Name, StringComparer.Ordinal).ThenBy(p => p.Key.Protocol))
                key.Append(name).Append('/').Append((int)protocol).Append('=').Append(number).Append('\u0001');
            key.Append('\0').AppendJoin(',', ipSignature);

            var text = key.ToString();
            if (!byKey.TryGetValue(text, out var id))
            {
                id = _classes.Count;
                byKey[text] = id;
                var ns = _cluster.FindNamespace(w.Namespace);
                _classes.Add(new WorkloadClass(w.Namespace, ns.Labels, w.Labels, w.HostNetwork, namedPorts, ipSignature));
            }

            result[i] = id;
        }

        return result;
    }

    private static Dictionary<(string Name, Protocol Protocol), int> NamedPorts(Workload w, HashSet<string> referenced)
    {
        var ports = new Dictionary<(string, Protocol), int>();
        foreach (var port in w.Ports)
        {
            if (port.Name is { } name && referenced.Contains(name))
                ports.TryAdd((name, port.Protocol), port.Number);
        }

        return ports;
    }

    /// <summary>The ipBlock peers that match any of the workload's known pod IPs.</summary>
    private int[] IpSignature(Workload w)
    {
        if (_options.IpBlockPods == IpBlockPodMatching.Ignore || w.PodIps.IsDefaultOrEmpty || _ipPeers.Count == 0)
            return [];
        var matched = new List<int>();
        for (var p = 0; p < _ipPeers.Count; p++)
        {
            foreach (var ip in w.PodIps)
            {
                if (_ipPeers[p].Block.Contains(ip))
                {
                    matched.Add(p);
                    break;
                }
            }
        }

        return [.. matched];
    }

    // ---- external address space ------------------------------------------------------------------------------

    private void BuildExternalGroups()
    {
        var groups = new Dictionary<string, ExternalGroup>(StringComparer.Ordinal);
        foreach (var family in (ReadOnlySpan<AddressFamily>)[AddressFamily.InterNetwork, AddressFamily.InterNetworkV6])
        {
            var max = family == AddressFamily.InterNetwork ? (UInt128)uint.MaxValue : UInt128.MaxValue;
            var cuts = new SortedSet<UInt128> { UInt128.Zero };
            foreach (var peer in _ipPeers)
            {
                foreach (var cidr in peer.Block.Except.Prepend(peer.Block.Cidr))
                {
                    if (cidr.Family != family)
                        continue;
                    var (first, last) = Bounds(cidr, family);
                    cuts.Add(first);
                    if (last < max)
                        cuts.Add(last + 1);
                }
            }

            var starts = cuts.ToList();
            for (var i = 0; i < starts.Count; i++)
            {
                var first = starts[i];
                var last = i + 1 < starts.Count ? starts[i + 1] - 1 : max;
                var probe = ToAddress(first, family);
                var members = new List<int>();
                for (var p = 0; p < _ipPeers.Count; p++)
                {
                    if (_ipPeers[p].Block.Contains(probe))
                        members.Add(p);
                }

                var signature = string.Join(',', members);
                if (!groups.TryGetValue(signature, out var group))
                {
                    group = new ExternalGroup([.. members], []);
                    groups[signature] = group;
                    _externals.Add(group);
                }

                // Atoms come in address order, so merging with the previous range keeps ranges maximal.
                if (group.Ranges.Count > 0 && group.Ranges[^1].Family == family && group.Ranges[^1].Last + 1 == first)
                    group.Ranges[^1] = group.Ranges[^1] with { Last = last };
                else
                    group.Ranges.Add(new NumericRange(family, first, last));
            }
        }
    }

    private static (UInt128 First, UInt128 Last) Bounds(IpCidr cidr, AddressFamily family)
    {
        var bits = family == AddressFamily.InterNetwork ? 32 : 128;
        var first = ToNumber(cidr.Network.BaseAddress);
        var hostBits = bits - cidr.PrefixLength;
        var size = hostBits == 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
        return (first, first + size);
    }

    private static UInt128 ToNumber(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        UInt128 value = 0;
        foreach (var b in bytes)
            value = (value << 8) | b;
        return value;
    }

    private static IPAddress ToAddress(UInt128 value, AddressFamily family)
    {
        var length = family == AddressFamily.InterNetwork ? 4 : 16;
        var bytes = new byte[length];
        for (var i = length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(value & 0xFF);
            value >>= 8;
        }

        return new IPAddress(bytes);
    }

    // ---- rules -----------------------------------------------------------------------------------------------

    private void CompileRules(List<NetworkPolicy> policies)
    {
        var ipPeerIndex = new Dictionary<PolicyPeer, int>(ReferenceEqualityComparer.Instance);
        for (var p = 0; p < _ipPeers.Count; p++)
            ipPeerIndex[_ipPeers[p].Peer] = p;

        foreach (var policy in policies)
        {
            var selected = new List<int>();
            for (var c = 0; c < _classes.Count; c++)
            {
                var cls = _classes[c];
                // NetworkPolicy does not govern hostNetwork pods: they use the node's network.
                if (!cls.HostNetwork && cls.Namespace == policy.Namespace && policy.PodSelector.Matches(cls.Labels))
                    selected.Add(c);
            }

            foreach (var direction in (ReadOnlySpan<Direction>)[Direction.Ingress, Direction.Egress])
            {
                if (!policy.Affects(direction))
                    continue;
                foreach (var c in selected)
                    _classes[c].Isolated(direction) = true;
                foreach (var rule in policy.Rules(direction))
                {
                    var compiled = new CompiledRule(PeerMask(policy, rule, ipPeerIndex), _atoms.Fixed(rule), NamedEntries(rule));
                    var id = _rules.Count;
                    _rules.Add(compiled);
                    foreach (var c in selected)
                        _classes[c].Rules(direction).Add(id);
                }
            }
        }
    }

    private BitSet PeerMask(NetworkPolicy policy, PolicyRule rule, Dictionary<PolicyPeer, int> ipPeerIndex)
    {
        var mask = new BitSet(NodeCount);
        if (rule.MatchesAllPeers)
        {
            mask.SetAll();
            return mask;
        }

        foreach (var peer in rule.Peers!.Value)
        {
            if (peer.IpBlock is not null)
            {
                var p = ipPeerIndex[peer];
                for (var c = 0; c < _classes.Count; c++)
                {
                    if (Array.BinarySearch(_classes[c].IpSignature, p) >= 0)
                        mask.Set(c);
                }

                for (var g = 0; g < _externals.Count; g++)
                {
                    if (Array.BinarySearch(_externals[g].Members, p) >= 0)
                        mask.Set(_classes.Count + g);
                }

                continue;
            }

            var podSelector = peer.PodSelector ?? LabelSelector.Everything;
            for (var c = 0; c < _classes.Count; c++)
            {
                var cls = _classes[c];
                if (cls.HostNetwork)
                    continue; // a hostNetwork pod's traffic carries the node's address, not a pod's
                var inNamespace = peer.NamespaceSelector is { } nsSelector
                    ? nsSelector.Matches(cls.NamespaceLabels)
                    : cls.Namespace == policy.Namespace;
                if (inNamespace && podSelector.Matches(cls.Labels))
                    mask.Set(c);
            }
        }

        return mask;
    }

    private static ImmutableArray<(string Name, Protocol Protocol)> NamedEntries(PolicyRule rule) =>
        rule.MatchesAllPorts
            ? []
            : [.. rule.Ports!.Value.Where(p => p.Port is { Name: not null }).Select(p => (p.Port!.Value.Name!, p.EffectiveProtocol))];

    // ---- cells -----------------------------------------------------------------------------------------------

    private (int[][] RunStarts, int[][] RunValues, PortSet[] PortSets) ComputeCells()
    {
        var n = NodeCount;
        var w = _atoms.Words;
        var interner = new BitsetInterner(w);
        var all = _atoms.All;
        var egress = new ulong[n * w];
        var cell = new ulong[w];
        var named = new ulong[w];
        var runStarts = new int[n][];
        var runValues = new int[n][];
        var starts = new List<int>();
        var values = new List<int>();
        var classCount = _classes.Count;

        for (var a = 0; a < n; a++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var fromExternal = a >= classCount;
            var source = fromExternal ? null : _classes[a];
            var egressOpen = source is null || source.HostNetwork || !source.EgressIsolated;
            if (!egressOpen)
            {
                Array.Clear(egress);
                foreach (var r in source!.EgressRules)
                {
                    var rule = _rules[r];
                    foreach (var b in rule.Peers.Ones())
                        OrPorts(rule, b, egress.AsSpan(b * w, w), named);
                }
            }

            starts.Clear();
            values.Clear();
            for (var b = 0; b < n; b++)
            {
                var toExternal = b >= classCount;
                int id;
                if (fromExternal && toExternal)
                    id = 0; // traffic between outside addresses is not the cluster's to allow
                else
                {
                    ReadOnlySpan<ulong> egressCell = egressOpen ? all : egress.AsSpan(b * w, w);
                    var target = toExternal ? null : _classes[b];
                    if (target is null || target.HostNetwork || !target.IngressIsolated)
                        egressCell.CopyTo(cell);
                    else
                    {
                        Array.Clear(cell);
                        if (!IsZero(egressCell))
                        {
                            foreach (var r in target.IngressRules)
                            {
                                var rule = _rules[r];
                                if (rule.Peers.Get(a))
                                    OrPorts(rule, b, cell, named);
                            }

                            And(cell, egressCell);
                        }
                    }

                    id = interner.Intern(cell);
                }

                if (values.Count == 0 || values[^1] != id)
                {
                    starts.Add(b);
                    values.Add(id);
                }
            }

            runStarts[a] = [.. starts];
            runValues[a] = [.. values];
            if ((a & 63) == 0)
                _progress?.Report(new AnalysisProgress("evaluate", a, n));
        }

        _progress?.Report(new AnalysisProgress("evaluate", n, n));
        var portSets = new PortSet[interner.Count];
        for (var i = 0; i < portSets.Length; i++)
            portSets[i] = _atoms.ToPortSet(interner[i]);
        return (runStarts, runValues, portSets);
    }

    /// <summary>ORs into <paramref name="target"/> the atoms a rule's ports allow towards destination node <paramref name="destination"/>.</summary>
    private void OrPorts(CompiledRule rule, int destination, Span<ulong> target, ulong[] scratch)
    {
        Or(target, rule.FixedPorts);
        if (rule.Named.IsEmpty || destination >= _classes.Count)
            return; // external destinations never match a named port
        var ports = _classes[destination].NamedPorts;
        foreach (var entry in rule.Named)
        {
            // A named port matches a destination container port with that name and protocol.
            if (ports.TryGetValue(entry, out var number))
            {
                Array.Clear(scratch);
                _atoms.SetRange(scratch, entry.Protocol, number, number);
                Or(target, scratch);
            }
        }
    }

    private static void Or(Span<ulong> target, ReadOnlySpan<ulong> source)
    {
        for (var i = 0; i < target.Length; i++)
            target[i] |= source[i];
    }

    private static void And(Span<ulong> target, ReadOnlySpan<ulong> source)
    {
        for (var i = 0; i < target.Length; i++)
            target[i] &= source[i];
    }

    private static bool IsZero(ReadOnlySpan<ulong> bits) => !bits.ContainsAnyExcept(0UL);

    // ---- result ----------------------------------------------------------------------------------------------

    private ReachabilityMatrix Assemble(List<Workload> workloads, int[] workloadClass, int[][] runStarts, int[][] runValues, PortSet[] portSets)
    {
        var ids = SubjectIds(workloads);
        var subjects = ImmutableArray.CreateBuilder<Subject>(workloads.Count + _externals.Count);
        var subjectClass = new List<int>();
        var ingress = new List<bool>();
        var egress = new List<bool>();
        for (var i = 0; i < workloads.Count; i++)
        {
            subjects.Add(Subject.ForWorkload(workloads[i], ids[i]));
            var cls = _classes[workloadClass[i]];
            subjectClass.Add(workloadClass[i]);
            ingress.Add(cls.IngressIsolated && !cls.HostNetwork);
            egress.Add(cls.EgressIsolated && !cls.HostNetwork);
        }

        var externalOrder = Enumerable.Range(0, _externals.Count)
            .OrderBy(g => _externals[g].Ranges[0].Family == AddressFamily.InterNetwork ? 0 : 1)
            .ThenBy(g => _externals[g].Ranges[0].First);
        foreach (var g in externalOrder)
        {
            subjects.Add(Subject.ForExternal([.. _externals[g].Ranges.Select(r => new IpRange(ToAddress(r.First, r.Family), ToAddress(r.Last, r.Family)))]));
            subjectClass.Add(_classes.Count + g);
            ingress.Add(false);
            egress.Add(false);
        }

        return new ReachabilityMatrix(subjects.MoveToImmutable(), [.. subjectClass], runStarts, runValues, portSets, [.. ingress], [.. egress]);
    }

    /// <summary><c>ns/name</c>, or <c>ns/name[Kind]</c> where two workloads of different kinds share a name.</summary>
    private static string[] SubjectIds(List<Workload> workloads)
    {
        var counts = workloads.GroupBy(w => w.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return [.. workloads.Select(w => counts[w.Id] > 1 ? $"{w.Id}[{w.Kind}]" : w.Id)];
    }

    // ---- types -----------------------------------------------------------------------------------------------

    private sealed record PeerRef(PolicyPeer Peer, IpBlock Block);

    private sealed class WorkloadClass(
        string ns,
        ImmutableSortedDictionary<string, string> namespaceLabels,
        ImmutableSortedDictionary<string, string> labels,
        bool hostNetwork,
        Dictionary<(string Name, Protocol Protocol), int> namedPorts,
        int[] ipSignature)
    {
        private bool _ingressIsolated;
        private bool _egressIsolated;

        public string Namespace { get; } = ns;
        public ImmutableSortedDictionary<string, string> NamespaceLabels { get; } = namespaceLabels;
        public ImmutableSortedDictionary<string, string> Labels { get; } = labels;
        public bool HostNetwork { get; } = hostNetwork;
        public Dictionary<(string Name, Protocol Protocol), int> NamedPorts { get; } = namedPorts;
        public int[] IpSignature { get; } = ipSignature;
        public List<int> IngressRules { get; } = [];
        public List<int> EgressRules { get; } = [];
        public bool IngressIsolated => _ingressIsolated;
        public bool EgressIsolated => _egressIsolated;

        public ref bool Isolated(Direction direction) => ref direction == Direction.Ingress ? ref _ingressIsolated : ref _egressIsolated;

        public List<int> Rules(Direction direction) => direction == Direction.Ingress ? IngressRules : EgressRules;
    }

    private sealed record ExternalGroup(int[] Members, List<NumericRange> Ranges);

    private readonly record struct NumericRange(AddressFamily Family, UInt128 First, UInt128 Last);

    private sealed record CompiledRule(BitSet Peers, ulong[] FixedPorts, ImmutableArray<(string Name, Protocol Protocol)> Named);
}
