using System.Collections.Immutable;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Engine;

/// <summary>
/// Phase 2 of an evaluation: the cluster's workloads in subject order and their equivalence classes. Only label
/// keys some pod selector reads, port names some policy names and the ipBlocks that contain a known pod IP can tell
/// workloads apart, so a class key holds just those (plus namespace and hostNetwork). Built once, read-only afterwards.
/// </summary>
internal sealed class WorkloadClasses
{
    private WorkloadClasses(ImmutableArray<Workload> workloads, ImmutableArray<int> classOf, ImmutableArray<WorkloadClass> classes)
    {
        Workloads = workloads;
        ClassOf = classOf;
        Classes = classes;
    }

    /// <summary>The workloads by namespace, name and kind: the order of the matrix's workload subjects.</summary>
    public ImmutableArray<Workload> Workloads { get; }

    /// <summary>Per workload of <see cref="Workloads"/>, its class.</summary>
    public ImmutableArray<int> ClassOf { get; }

    public ImmutableArray<WorkloadClass> Classes { get; }

    public static WorkloadClasses Build(Cluster cluster, IReadOnlyList<NetworkPolicy> policies, ImmutableArray<IpBlock> blocks, EvaluationOptions options)
    {
        var workloads = cluster.Workloads
            .OrderBy(w => w.Namespace, StringComparer.Ordinal)
            .ThenBy(w => w.Name, StringComparer.Ordinal)
            .ThenBy(w => w.Kind)
            .ToImmutableArray();
        var (podKeys, portNames) = Distinguishing(policies);
        var matchIps = options.IpBlockPods != IpBlockPodMatching.Ignore && blocks.Length > 0;

        var namespaceLabels = new Dictionary<string, ImmutableSortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var ns in cluster.Namespaces)
            namespaceLabels.TryAdd(ns.Name, ns.Labels);
        var byKey = new Dictionary<ClassKey, int>();
        var classes = ImmutableArray.CreateBuilder<WorkloadClass>();
        var classOf = new int[workloads.Length];
        var labelBuffer = new List<(string Key, string Value)>();
        for (var i = 0; i < workloads.Length; i++)
        {
            var w = workloads[i];
            var ipBlocks = matchIps ? IpBlocksOf(w, blocks) : [];
            var namedPorts = NamedPorts(w, portNames);
            // With hostNetwork pods selected (the plugin applies policies to them) they are pods like any other.
            var hostNetwork = w.HostNetwork && !options.SelectsHostNetworkPods;
            var key = new ClassKey(
                w.Namespace,
                hostNetwork,
                ReadLabels(w.Labels, podKeys, labelBuffer),
                [.. namedPorts.OrderBy(p => p.Key.Name, StringComparer.Ordinal).ThenBy(p => p.Key.Protocol).Select(p => (p.Key.Name, p.Key.Protocol, p.Value))],
                ipBlocks);
            if (!byKey.TryGetValue(key, out var id))
            {
                id = classes.Count;
                byKey[key] = id;
                if (!namespaceLabels.TryGetValue(w.Namespace, out var nsLabels))
                    namespaceLabels[w.Namespace] = nsLabels = cluster.FindNamespace(w.Namespace).Labels;
                classes.Add(new WorkloadClass(w.Namespace, nsLabels, w.Labels, hostNetwork, namedPorts, [.. ipBlocks]));
            }

            classOf[i] = id;
        }

        return new WorkloadClasses(workloads, [.. classOf], classes.ToImmutable());
    }

    /// <summary>
    /// The labels of a workload whose keys some pod selector reads, in key order. A plain loop over the sorted
    /// dictionary: this runs once per workload, and LINQ over its enumerator stood out in a profile of the
    /// evaluation at 10k workloads.
    /// </summary>
    private static (string Key, string Value)[] ReadLabels(
        ImmutableSortedDictionary<string, string> labels, HashSet<string> podKeys, List<(string Key, string Value)> buffer)
    {
        buffer.Clear();
        foreach (var (key, value) in labels)
        {
            if (podKeys.Contains(key))
                buffer.Add((key, value));
        }

        return [.. buffer];
    }

    /// <summary>The label keys some pod selector reads and the port names some policy port names.</summary>
    private static (HashSet<string> PodKeys, HashSet<string> PortNames) Distinguishing(IReadOnlyList<NetworkPolicy> policies)
    {
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

        return (podKeys, portNames);
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
    private static int[] IpBlocksOf(Workload w, ImmutableArray<IpBlock> blocks)
    {
        if (w.PodIps.IsDefaultOrEmpty)
            return [];
        var matched = new List<int>();
        for (var b = 0; b < blocks.Length; b++)
        {
            foreach (var ip in w.PodIps)
            {
                if (blocks[b].Contains(ip))
                {
                    matched.Add(b);
                    break;
                }
            }
        }

        return [.. matched];
    }

    /// <summary>What tells two workloads' classes apart, field by field; lists compare by content.</summary>
    private sealed class ClassKey(
        string ns,
        bool hostNetwork,
        (string Key, string Value)[] labels,
        (string Name, Protocol Protocol, int Number)[] namedPorts,
        int[] ipBlocks) : IEquatable<ClassKey>
    {
        private readonly string _namespace = ns;
        private readonly bool _hostNetwork = hostNetwork;
        private readonly (string Key, string Value)[] _labels = labels;                        // in key order
        private readonly (string Name, Protocol Protocol, int Number)[] _namedPorts = namedPorts; // by name, then protocol
        private readonly int[] _ipBlocks = ipBlocks;                                              // ascending

        public bool Equals(ClassKey? other) =>
            other is not null &&
            _hostNetwork == other._hostNetwork &&
            string.Equals(_namespace, other._namespace, StringComparison.Ordinal) &&
            _labels.AsSpan().SequenceEqual(other._labels) &&
            _namedPorts.AsSpan().SequenceEqual(other._namedPorts) &&
            _ipBlocks.AsSpan().SequenceEqual(other._ipBlocks);

        public override bool Equals(object? obj) => Equals(obj as ClassKey);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            hash.Add(_namespace, StringComparer.Ordinal);
            hash.Add(_hostNetwork);
            foreach (var label in _labels)
                hash.Add(label);
            foreach (var port in _namedPorts)
                hash.Add(port);
            foreach (var block in _ipBlocks)
                hash.Add(block);
            return hash.ToHashCode();
        }
    }
}
