using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using System.Text;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Selectors;

namespace PolicyCheck.Core.Engine;

/// <summary>
/// One evaluation. Workloads that no selector, named port or ipBlock can tell apart share an equivalence class;
/// selectors are evaluated once over all classes through an inverted label index into bit sets; ports are split
/// into the atoms the policies and named container ports distinguish, so an allowed set is a small bit set.
/// "Nodes" are classes followed by external address groups.
/// <para>
/// Each row (source node) is computed from two sparse passes: the egress rules of the source's policies over
/// their peers, and the ingress rules that admit the source over the pods their policies select. Sources with
/// the same egress rules and the same admitting ingress rules have identical rows, which are computed once.
/// </para>
/// </summary>
internal sealed class EvaluationRun
{
    private readonly Cluster _cluster;
    private readonly EvaluationOptions _options;
    private readonly IProgress<AnalysisProgress>? _progress;
    private readonly CancellationToken _cancellationToken;

    private readonly List<IpBlock> _ipBlocks = [];
    private readonly Dictionary<PolicyPeer, int> _peerBlock = new(ReferenceEqualityComparer.Instance);
    private readonly List<WorkloadClass> _classes = [];
    private readonly List<ExternalGroup> _externals = [];
    private readonly List<CompiledRule> _rules = [];
    private PortAtoms _atoms = null!; // set in Run before any use
    private int[] _rowKey = []; // per node: the first node with the same row key (set in ComputeCells)

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
        CollectIpBlocks(activePolicies);
        var workloads = _cluster.Workloads
            .OrderBy(w => w.Namespace, StringComparer.Ordinal)
            .ThenBy(w => w.Name, StringComparer.Ordinal)
            .ThenBy(w => w.Kind)
            .ToList();
        var workloadClass = BuildClasses(workloads, activePolicies);
        BuildExternalGroups();
        _atoms = PortAtoms.Build(activePolicies, _classes.Select(c => c.NamedPorts.Select(p => (p.Key.Protocol, p.Value))));
        CompileRules(activePolicies);
        var cells = ComputeCells();
        var nodeGroup = EquivalenceGroups();
        return Assemble(workloads, workloadClass, cells, nodeGroup);
    }

    // ---- ipBlocks -------------------------------------------------------------------------------------------

    /// <summary>Distinct ipBlocks (same network and excepts = one block), and which block each ipBlock peer uses.</summary>
    private void CollectIpBlocks(List<NetworkPolicy> policies)
    {
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
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
                        var key = string.Join(' ', block.Except.Select(e => e.Network.ToString()).Order(StringComparer.Ordinal).Prepend(block.Cidr.Network.ToString()));
                        if (!byKey.TryGetValue(key, out var index))
                        {
                            index = _ipBlocks.Count;
                            byKey[key] = index;
                            _ipBlocks.Add(block);
                        }

                        _peerBlock[peer] = index;
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

        var namespaceLabels = new Dictionary<string, ImmutableSortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var ns in _cluster.Namespaces)
            namespaceLabels.TryAdd(ns.Name, ns.Labels);
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
                if (!namespaceLabels.TryGetValue(w.Namespace, out var nsLabels))
                    namespaceLabels[w.Namespace] = nsLabels = _cluster.FindNamespace(w.Namespace).Labels;
                _classes.Add(new WorkloadClass(w.Namespace, nsLabels, w.Labels, w.HostNetwork, namedPorts, ipSignature));
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

    /// <summary>The ipBlocks that contain any of the workload's known pod IPs.</summary>
    private int[] IpSignature(Workload w)
    {
        if (_options.IpBlockPods == IpBlockPodMatching.Ignore || w.PodIps.IsDefaultOrEmpty || _ipBlocks.Count == 0)
            return [];
        var matched = new List<int>();
        for (var b = 0; b < _ipBlocks.Count; b++)
        {
            foreach (var ip in w.PodIps)
            {
                if (_ipBlocks[b].Contains(ip))
                {
                    matched.Add(b);
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
            foreach (var block in _ipBlocks)
            {
                foreach (var cidr in block.Except.Prepend(block.Cidr))
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
                for (var p = 0; p < _ipBlocks.Count; p++)
                {
                    if (_ipBlocks[p].Contains(probe))
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
        var n = NodeCount;
        // NetworkPolicy does not govern hostNetwork pods, and selectors never match them as peers: their traffic
        // carries the node's address. So they are left out of every selector's universe.
        var index = new ClassIndex(n, [.. _classes.Select(c => (IReadOnlyDictionary<string, string>)c.Labels)], c => !_classes[c].HostNetwork);
        var byNamespace = new Dictionary<string, BitSet>(StringComparer.Ordinal);
        for (var c = 0; c < _classes.Count; c++)
        {
            if (_classes[c].HostNetwork)
                continue;
            if (!byNamespace.TryGetValue(_classes[c].Namespace, out var set))
                byNamespace[_classes[c].Namespace] = set = new BitSet(n);
            set.Set(c);
        }

        var none = new BitSet(n);
        // Namespace selectors go through the same inverted index, over the namespaces that hold classes.
        var namespaces = byNamespace.Keys.Order(StringComparer.Ordinal).ToList();
        var namespaceIndex = new ClassIndex(
            namespaces.Count,
            [.. namespaces.Select(ns => (IReadOnlyDictionary<string, string>)_classes[byNamespace[ns].Ones().First()].NamespaceLabels)],
            _ => true);
        var namespaceMemo = new Dictionary<string, BitSet>(StringComparer.Ordinal);
        BitSet InNamespaces(LabelSelector selector)
        {
            var key = ClassIndex.MemoKey(selector);
            if (namespaceMemo.TryGetValue(key, out var cached))
                return cached;
            var union = new BitSet(n);
            foreach (var i in namespaceIndex.Select(selector).Ones())
                union.Or(byNamespace[namespaces[i]]);
            namespaceMemo[key] = union;
            return union;
        }

        var blockMembers = BlockMembers();
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
                    _classes[c].Isolated(direction) = true;
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
                                peers.Or(blockMembers[_peerBlock[peer]]);
                                continue;
                            }

                            var pods = index.Select(peer.PodSelector ?? LabelSelector.Everything).Clone();
                            pods.And(peer.NamespaceSelector is { } nsSelector
                                ? InNamespaces(nsSelector)
                                : byNamespace.GetValueOrDefault(policy.Namespace, none));
                            peers.Or(pods);
                        }
                    }

                    var id = _rules.Count;
                    _rules.Add(new CompiledRule(peers, rule.MatchesAllPeers, _atoms.Fixed(rule), NamedEntries(rule), targets));
                    foreach (var c in targets)
                        _classes[c].Rules(direction).Add(id);
                }
            }
        }
    }

    /// <summary>For each distinct ipBlock, the nodes it matches: classes through known pod IPs, and external groups.</summary>
    private BitSet[] BlockMembers()
    {
        var members = new BitSet[_ipBlocks.Count];
        for (var b = 0; b < members.Length; b++)
            members[b] = new BitSet(NodeCount);
        for (var c = 0; c < _classes.Count; c++)
        {
            foreach (var b in _classes[c].IpSignature)
                members[b].Set(c);
        }

        for (var g = 0; g < _externals.Count; g++)
        {
            foreach (var b in _externals[g].Members)
                members[b].Set(_classes.Count + g);
        }

        return members;
    }

    private static ImmutableArray<(string Name, Protocol Protocol)> NamedEntries(PolicyRule rule) =>
        rule.MatchesAllPorts
            ? []
            : [.. rule.Ports!.Value.Where(p => p.Port is { Name: not null }).Select(p => (p.Port!.Value.Name!, p.EffectiveProtocol))];

    // ---- cells -----------------------------------------------------------------------------------------------

    private CellTable ComputeCells()
    {
        var n = NodeCount;
        var classCount = _classes.Count;
        var w = _atoms.Words;
        var interner = new BitsetInterner(w);
        var all = _atoms.All;
        var allId = interner.Intern(all);

        // Which ingress rules admit each source; rules with no from admit every source and are kept apart.
        var admit = new List<int>?[n];
        var universal = new List<int>();
        var ingressRule = new bool[_rules.Count];
        foreach (var cls in _classes)
        {
            foreach (var r in cls.IngressRules)
                ingressRule[r] = true;
        }

        for (var r = 0; r < _rules.Count; r++)
        {
            if (!ingressRule[r])
                continue;
            if (_rules[r].AllPeers)
            {
                universal.Add(r);
                continue;
            }

            foreach (var a in _rules[r].Peers.Ones())
                (admit[a] ??= []).Add(r);
        }

        // A destination whose ingress nobody restricts accepts whatever the source's egress allows.
        var ingressOpen = new bool[n];
        for (var b = 0; b < n; b++)
            ingressOpen[b] = b >= classCount || _classes[b].HostNetwork || !_classes[b].IngressIsolated;

        var egress = new ulong[n * w];
        var ingress = new ulong[n * w];
        var egressHit = new bool[n];
        var ingressHit = new bool[n];
        var egressTouched = new List<int>();
        var ingressTouched = new List<int>();
        var cell = new ulong[w];
        var last = new ulong[w];
        var named = new ulong[w];
        var rowBase = new int[n];
        var overrideColumns = new int[n][];
        var overrideValues = new int[n][];
        var rows = new Dictionary<int[], int>(IntSequenceComparer.Instance);
        _rowKey = new int[n];
        var signature = new List<int>();
        var columns = new List<int>();
        var values = new List<int>();

        // The three row patterns every row starts from: a source whose egress is isolated allows nothing unless a
        // rule says so; a pod with open egress reaches every destination whose ingress is open; an outside address
        // likewise, except other outside addresses (not the cluster's to allow).
        const int DenyAll = 0, OpenPod = 1, OpenExternal = 2;
        RowPattern[] bases =
        [
            RowPattern.Uniform(0),
            RowPattern.FromCells(n, b => ingressOpen[b] ? allId : 0),
            RowPattern.FromCells(n, b => b < classCount && ingressOpen[b] ? allId : 0),
        ];

        int Intern(ulong[] bits, ref int lastId)
        {
            if (lastId >= 0 && bits.AsSpan().SequenceEqual(last))
                return lastId;
            lastId = interner.Intern(bits);
            bits.CopyTo(last, 0);
            return lastId;
        }

        for (var a = 0; a < n; a++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var fromExternal = a >= classCount;
            var source = fromExternal ? null : _classes[a];
            var egressOpen = source is null || source.HostNetwork || !source.EgressIsolated;

            // Sources with the same egress rules and the same admitting ingress rules have the same row.
            // "Isolated with no rules" (deny all) must differ from "not isolated" (allow all).
            signature.Clear();
            signature.Add((fromExternal ? 2 : 0) + (egressOpen ? 1 : 0));
            if (!egressOpen)
                signature.AddRange(source!.EgressRules);
            signature.Add(-1);
            if (admit[a] is { } admitting)
                signature.AddRange(admitting);
            int[] key = [.. signature];
            if (rows.TryGetValue(key, out var same))
            {
                _rowKey[a] = same;
                rowBase[a] = rowBase[same];
                overrideColumns[a] = overrideColumns[same];
                overrideValues[a] = overrideValues[same];
                continue;
            }

            rows[key] = a;
            _rowKey[a] = a;
            if (!egressOpen)
            {
                foreach (var r in source!.EgressRules)
                {
                    var rule = _rules[r];
                    foreach (var b in rule.Peers.Ones())
                    {
                        OrPorts(rule, b, egress.AsSpan(b * w, w), named);
                        if (!egressHit[b])
                        {
                            egressHit[b] = true;
                            egressTouched.Add(b);
                        }
                    }
                }
            }

            foreach (var r in admit[a] is { } list ? list.Concat(universal) : universal)
            {
                var rule = _rules[r];
                foreach (var b in rule.Targets)
                {
                    OrPorts(rule, b, ingress.AsSpan(b * w, w), named);
                    if (!ingressHit[b])
                    {
                        ingressHit[b] = true;
                        ingressTouched.Add(b);
                    }
                }
            }

            // Only the touched columns can differ from the row's pattern.
            columns.Clear();
            values.Clear();
            var lastId = -1;
            if (egressOpen)
            {
                rowBase[a] = fromExternal ? OpenExternal : OpenPod;
                ingressTouched.Sort();
                foreach (var b in ingressTouched)
                {
                    if (ingressOpen[b])
                        continue; // the pattern already says all
                    ingress.AsSpan(b * w, w).CopyTo(cell);
                    var id = Intern(cell, ref lastId);
                    if (id != 0)
                    {
                        columns.Add(b);
                        values.Add(id);
                    }
                }
            }
            else
            {
                rowBase[a] = DenyAll;
                egressTouched.Sort();
                foreach (var b in egressTouched)
                {
                    egress.AsSpan(b * w, w).CopyTo(cell);
                    if (!ingressOpen[b])
                    {
                        if (ingressHit[b])
                            And(cell, ingress.AsSpan(b * w, w));
                        else
                            Array.Clear(cell);
                    }

                    var id = Intern(cell, ref lastId);
                    if (id != 0)
                    {
                        columns.Add(b);
                        values.Add(id);
                    }
                }
            }

            foreach (var b in egressTouched)
            {
                egress.AsSpan(b * w, w).Clear();
                egressHit[b] = false;
            }

            foreach (var b in ingressTouched)
            {
                ingress.AsSpan(b * w, w).Clear();
                ingressHit[b] = false;
            }

            egressTouched.Clear();
            ingressTouched.Clear();
            overrideColumns[a] = [.. columns];
            overrideValues[a] = [.. values];
            if ((a & 255) == 0)
                _progress?.Report(new AnalysisProgress("evaluate", a, n));
        }

        _progress?.Report(new AnalysisProgress("evaluate", n, n));
        var portSets = new PortSet[interner.Count];
        for (var i = 0; i < portSets.Length; i++)
            portSets[i] = _atoms.ToPortSet(interner[i]);
        return new CellTable(bases, rowBase, overrideColumns, overrideValues, portSets);
    }

    /// <summary>
    /// Per node, a group number such that nodes in one group have identical rows and identical columns. Rows are
    /// equal when the row keys are (same egress rules, same admitting ingress rules); columns are equal when the
    /// column keys are: same isolation and ingress rules, the same egress rules reaching the node, the same named
    /// ports. Both are sufficient conditions, so groups are exact (though not always as large as they could be).
    /// Two members of a group then also see each other as each sees itself across classes.
    /// </summary>
    private int[] EquivalenceGroups()
    {
        var n = NodeCount;
        var classCount = _classes.Count;
        var reachedBy = new List<int>?[n];
        for (var r = 0; r < _rules.Count; r++)
        {
            if (_rules[r].AllPeers)
                continue; // reaches every node alike
            foreach (var b in _rules[r].Peers.Ones())
                (reachedBy[b] ??= []).Add(r);
        }

        var portNames = new Dictionary<string, int>(StringComparer.Ordinal);
        var groups = new Dictionary<int[], int>(IntSequenceComparer.Instance);
        var result = new int[n];
        var key = new List<int>();
        for (var b = 0; b < n; b++)
        {
            key.Clear();
            key.Add(_rowKey[b]);
            if (b >= classCount)
                key.Add(-1);
            else
            {
                var cls = _classes[b];
                key.Add((cls.HostNetwork ? 2 : 0) + (cls.IngressIsolated ? 1 : 0));
                key.AddRange(cls.IngressRules);
                key.Add(-2);
                foreach (var ((name, protocol), number) in cls.NamedPorts.OrderBy(p => p.Key.Name, StringComparer.Ordinal).ThenBy(p => p.Key.Protocol))
                {
                    if (!portNames.TryGetValue(name, out var nameId))
                        portNames[name] = nameId = portNames.Count;
                    key.Add(nameId);
                    key.Add((int)protocol);
                    key.Add(number);
                }
            }

            key.Add(-3);
            if (reachedBy[b] is { } rules)
                key.AddRange(rules);
            int[] text = [.. key];
            if (!groups.TryGetValue(text, out var group))
            {
                group = groups.Count;
                groups[text] = group;
            }

            result[b] = group;
        }

        return result;
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

    // ---- result ----------------------------------------------------------------------------------------------

    private ReachabilityMatrix Assemble(List<Workload> workloads, int[] workloadClass, CellTable cells, int[] nodeGroup)
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

        return new ReachabilityMatrix(subjects.MoveToImmutable(), [.. subjectClass], cells.Bases, cells.RowBase, cells.OverrideColumns,
            cells.OverrideValues, cells.PortSets, [.. ingress], [.. egress],
            [.. subjectClass.Select(c => nodeGroup[c])]);
    }

    /// <summary><c>ns/name</c>, or <c>ns/name[Kind]</c> where two workloads of different kinds share a name.</summary>
    private static string[] SubjectIds(List<Workload> workloads)
    {
        var counts = workloads.GroupBy(w => w.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return [.. workloads.Select(w => counts[w.Id] > 1 ? $"{w.Id}[{w.Kind}]" : w.Id)];
    }

    // ---- types -----------------------------------------------------------------------------------------------

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

    private sealed record CellTable(RowPattern[] Bases, int[] RowBase, int[][] OverrideColumns, int[][] OverrideValues, PortSet[] PortSets);

    private sealed record ExternalGroup(int[] Members, List<NumericRange> Ranges);

    private readonly record struct NumericRange(AddressFamily Family, UInt128 First, UInt128 Last);

    private sealed record CompiledRule(BitSet Peers, bool AllPeers, ulong[] FixedPorts, ImmutableArray<(string Name, Protocol Protocol)> Named, int[] Targets);
}
