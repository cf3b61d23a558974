using System.Net;
using System.Net.Sockets;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Selectors;

namespace PolicyCheck.TestKit;

/// <summary>
/// Small seeded random clusters for comparing the engine with <see cref="ReferenceEvaluator"/>. Every name, label,
/// port and address comes from a tiny alphabet so that selectors, port ranges, named ports and CIDRs collide often,
/// and every feature the semantics distinguish is mixed in: absent vs empty lists, all policyTypes spellings, the
/// four selector operators on present and absent keys, empty label values, AND/OR peers, ipBlocks with excepts,
/// named ports with the same name on different protocols, endPort ranges, hostNetwork, replicas and pod IPs.
/// The same seed always gives the same cluster. Only valid input is generated (e.g. no two container ports of a
/// workload share name and protocol, every except lies inside its cidr), since invalid input is the loader's business.
/// </summary>
public sealed class RandomCluster
{
    private static readonly string[] NamespaceNames = ["ns-a", "ns-b", "ns-c", "ns-d"];
    private static readonly string[] PodKeys = ["app", "tier", "env"];
    private static readonly string[] NamespaceKeys = ["team", "env"];
    private static readonly string[] Values = ["", "x", "y"];
    private static readonly string[] PortNames = ["http", "dns", "metrics"];
    private static readonly int[] FixedPortNumbers = [1, 53, 80, 81, 443, 8080, 65535];
    private static readonly string[] PodAddresses =
        ["10.0.0.5", "10.0.1.7", "10.1.2.3", "192.168.1.1", "172.16.0.9", "fd00::5", "fd00:0:0:1::7", "2001:db8::1"];
    private static readonly string[] FixedCidrs =
        ["0.0.0.0/0", "10.0.0.0/8", "10.0.0.0/16", "10.0.0.7/16", "10.0.1.0/24", "10.0.0.5/32", "192.168.0.0/16", "::/0", "fd00::/8", "fd00::/64", "2001:db8::/32"];

    private readonly Random _random;
    private readonly ClusterShape _shape;
    private readonly int[] _portNumbers;
    private readonly string[] _cidrs;

    private RandomCluster(int seed, ClusterShape shape)
    {
        _random = new Random(seed);
        _shape = shape;
        _portNumbers = FixedPortNumbers;
        _cidrs = FixedCidrs;
        if (shape == ClusterShape.Wide)
        {
            _portNumbers = [.. FixedPortNumbers.Concat(Enumerable.Range(0, 40).Select(_ => _random.Next(1, 65536))).Distinct().Order()];
            _cidrs = [.. FixedCidrs.Concat(Enumerable.Range(0, 40).Select(i => RandomCidrText(i % 3 == 0)))];
        }
    }

    /// <summary>The cluster of <paramref name="seed"/>; the same seed and shape always give the same cluster.</summary>
    public static Cluster Generate(int seed, ClusterShape shape = ClusterShape.Small) => new RandomCluster(seed, shape).Generate();

    private Cluster Generate()
    {
        var random = _random;
        var wide = _shape == ClusterShape.Wide;
        var builder = new ManifestBuilder();
        var namespaces = NamespaceNames.Take(random.Next(2, 5)).ToArray();
        foreach (var ns in namespaces)
        {
            // Some namespaces are only referred to, never declared: they carry just the name label.
            if (random.NextDouble() < 0.75)
                builder.Namespace(ns, RandomLabels(random, NamespaceKeys));
        }

        var workloads = wide ? random.Next(12, 25) : random.Next(2, 9);
        for (var i = 0; i < workloads; i++)
            builder.Workload($"{Pick(random, namespaces)}/w{i}", w => RandomWorkload(random, w));

        var policies = wide ? random.Next(12, 21) : random.Next(0, 7);
        for (var i = 0; i < policies; i++)
            builder.Policy($"{Pick(random, namespaces)}/p{i}", p => RandomPolicy(random, p, namespaces));

        return builder.Build();
    }

    /// <summary>A random IPv4 CIDR inside 10.0.0.0/8 or IPv6 CIDR inside fd00::/8, prefixes long enough to nest and overlap.</summary>
    private string RandomCidrText(bool ipv6)
    {
        var bytes = new byte[ipv6 ? 16 : 4];
        _random.NextBytes(bytes);
        bytes[0] = ipv6 ? (byte)0xfd : (byte)10;
        var prefix = ipv6 ? _random.Next(8, 72) : _random.Next(8, 31);
        return $"{new IPAddress(Masked(bytes, prefix))}/{prefix}";
    }

    private void RandomWorkload(Random random, WorkloadBuilder w)
    {
        w.Kind(Pick(random, Enum.GetValues<WorkloadKind>()));
        w.Labels(RandomLabels(random, PodKeys));
        var named = new HashSet<(string, Protocol)>();
        for (var p = random.Next(0, 4); p > 0; p--)
        {
            var name = random.NextDouble() < 0.75 ? Pick(random, PortNames) : null;
            var protocol = RandomProtocol(random);
            if (name is not null && !named.Add((name, protocol)))
                continue; // Kubernetes names a port once per protocol; a duplicate would make the name ambiguous
            w.Port(Pick(random, _portNumbers), name, protocol);
        }

        var replicas = random.NextDouble();
        w.Replicas(replicas < 0.6 ? 1 : replicas < 0.85 ? 2 : 3);
        if (random.NextDouble() < 0.2)
            w.PodNames([.. Enumerable.Range(0, random.Next(1, 4)).Select(i => $"pod-{i}")]);
        if (random.NextDouble() < 0.15)
            w.HostNetwork();
        if (random.NextDouble() < 0.45)
            w.Ips([.. Enumerable.Range(0, random.Next(1, 3)).Select(_ => Pick(random, PodAddresses)).Distinct()]);
    }

    private void RandomPolicy(Random random, PolicyBuilder p, string[] namespaces)
    {
        p.Select(RandomSelector(random, PodKeys, []));
        switch (random.Next(6))
        {
            case 0: break; // policyTypes absent
            case 1: p.Types(); break;
            case 2: p.Types(Direction.Ingress); break;
            case 3: p.Types(Direction.Egress); break;
            case 4: p.Types(Direction.Egress, Direction.Ingress); break;
            default: p.Types(Direction.Ingress, Direction.Egress); break;
        }

        RandomRules(random, Direction.Ingress, p, namespaces);
        RandomRules(random, Direction.Egress, p, namespaces);
    }

    private void RandomRules(Random random, Direction direction, PolicyBuilder p, string[] namespaces)
    {
        var roll = random.NextDouble();
        if (roll < 0.2)
            return; // ingress/egress absent
        if (roll < 0.35)
        {
            _ = direction == Direction.Ingress ? p.NoIngressRules() : p.NoEgressRules();
            return;
        }

        if (roll < 0.45)
        {
            _ = direction == Direction.Ingress ? p.Ingress() : p.Egress(); // [{}]
            return;
        }

        for (var r = random.Next(1, _shape == ClusterShape.Wide ? 4 : 3); r > 0; r--)
        {
            void Rule(RuleBuilder rule) => RandomRule(random, rule, namespaces);
            _ = direction == Direction.Ingress ? p.Ingress(Rule) : p.Egress(Rule);
        }
    }

    private void RandomRule(Random random, RuleBuilder rule, string[] namespaces)
    {
        var peers = random.NextDouble();
        if (peers < 0.1)
            rule.NoPeers();
        else if (peers >= 0.3)
        {
            for (var i = random.Next(1, _shape == ClusterShape.Wide ? 6 : 4); i > 0; i--)
                rule.Peer(RandomPeer(random, namespaces));
        }

        var ports = random.NextDouble();
        if (ports < 0.1)
            rule.NoPorts();
        else if (ports >= 0.4)
        {
            for (var i = random.Next(1, _shape == ClusterShape.Wide ? 6 : 4); i > 0; i--)
                rule.AddPort(RandomPort(random));
        }
    }

    private PolicyPeer RandomPeer(Random random, string[] namespaces)
    {
        // Wide clusters draw mostly ipBlocks, which is what multiplies the external groups.
        var roll = _shape == ClusterShape.Wide ? random.NextDouble() * 1.6 - 0.6 : random.NextDouble();
        if (roll < 0)
            return new PolicyPeer(null, null, RandomIpBlock(random), SourceSpan.None);
        if (roll < 0.3)
            return new PolicyPeer(RandomSelector(random, PodKeys, []), null, null, SourceSpan.None);
        if (roll < 0.55)
            return new PolicyPeer(null, RandomSelector(random, NamespaceKeys, namespaces), null, SourceSpan.None);
        if (roll < 0.75)
            return new PolicyPeer(RandomSelector(random, PodKeys, []), RandomSelector(random, NamespaceKeys, namespaces), null, SourceSpan.None);
        return new PolicyPeer(null, null, RandomIpBlock(random), SourceSpan.None);
    }

    private PolicyPort RandomPort(Random random)
    {
        Protocol? protocol = random.Next(4) switch
        {
            0 => null,
            1 => Protocol.Tcp,
            2 => Protocol.Udp,
            _ => Protocol.Sctp,
        };
        var roll = random.NextDouble();
        if (roll < 0.15)
            return new PolicyPort(protocol, null, null, SourceSpan.None);
        if (roll < 0.4)
        {
            // Sometimes a name no container defines.
            var name = random.NextDouble() < 0.85 ? Pick(random, PortNames) : "unknown";
            return new PolicyPort(protocol, PortValue.Of(name), null, SourceSpan.None);
        }

        var first = Pick(random, _portNumbers);
        if (roll < 0.75)
            return new PolicyPort(protocol, PortValue.Of(first), null, SourceSpan.None);
        var last = Pick(random, _portNumbers.Where(n => n >= first).ToArray());
        return new PolicyPort(protocol, PortValue.Of(first), last, SourceSpan.None);
    }

    private IpBlock RandomIpBlock(Random random)
    {
        var cidr = ParseCidr(Pick(random, _cidrs));
        var except = new List<IpCidr>();
        var maxBits = cidr.Family == AddressFamily.InterNetwork ? 32 : 128;
        for (var i = random.Next(0, _shape == ClusterShape.Wide ? 4 : 3); i > 0 && cidr.PrefixLength < maxBits; i--)
        {
            // An except strictly inside the cidr, often around a pod address so that pods fall into the hole.
            var inside = PodAddresses.Select(IPAddress.Parse).Where(a => cidr.Contains(a)).ToArray();
            var bytes = inside.Length > 0 && random.NextDouble() < 0.6
                ? Pick(random, inside).GetAddressBytes()
                : RandomAddressIn(random, cidr);
            var prefix = random.Next(cidr.PrefixLength + 1, Math.Min(cidr.PrefixLength + 24, maxBits) + 1);
            // Host bits are left in now and then: the API server accepts them and masks them off.
            var text = $"{new IPAddress(random.NextDouble() < 0.8 ? Masked(bytes, prefix) : bytes)}/{prefix}";
            except.Add(ParseCidr(text));
        }

        return new IpBlock(cidr, [.. except], SourceSpan.None);
    }

    private static IpCidr ParseCidr(string text) =>
        IpCidr.TryParse(text, out var cidr) ? cidr : throw new InvalidOperationException($"Generated an invalid CIDR '{text}'.");

    private static byte[] RandomAddressIn(Random random, IpCidr cidr)
    {
        var network = cidr.Network.BaseAddress.GetAddressBytes();
        var bytes = new byte[network.Length];
        random.NextBytes(bytes);
        for (var bit = 0; bit < cidr.PrefixLength; bit++)
        {
            var mask = (byte)(0x80 >> (bit % 8));
            bytes[bit / 8] = (byte)((bytes[bit / 8] & ~mask) | (network[bit / 8] & mask));
        }

        return bytes;
    }

    private static byte[] Masked(byte[] address, int prefix)
    {
        var bytes = (byte[])address.Clone();
        for (var bit = prefix; bit < bytes.Length * 8; bit++)
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        return bytes;
    }

    /// <summary>
    /// <c>{}</c> a quarter of the time; otherwise up to two matchLabels pairs and up to two expressions with any of
    /// the four operators, on keys objects may lack (<c>missing</c> never appears on any object).
    /// </summary>
    private static LabelSelector RandomSelector(Random random, string[] keys, string[] namespaceNames)
    {
        if (random.NextDouble() < 0.25)
            return Selector.All;
        string[] allKeys = namespaceNames.Length > 0 ? [.. keys, Namespace.NameLabel, "missing"] : [.. keys, "missing"];
        string ValueFor(string key) => key == Namespace.NameLabel ? Pick(random, namespaceNames) : Pick(random, Values);

        var selector = Selector.All;
        for (var i = FewTerms(random); i > 0; i--)
        {
            var key = Pick(random, allKeys);
            selector = selector.And(Selector.MatchLabels((key, ValueFor(key))));
        }

        for (var i = FewTerms(random); i > 0; i--)
        {
            var key = Pick(random, allKeys);
            var op = Pick(random, Enum.GetValues<SelectorOperator>());
            string[] values = op is SelectorOperator.In or SelectorOperator.NotIn
                ? [.. Enumerable.Range(0, random.Next(1, 3)).Select(_ => ValueFor(key)).Distinct()]
                : [];
            selector = selector.And(Selector.Expression(key, op, values));
        }

        return selector;
    }

    /// <summary>0, 1 or 2 selector terms of a kind; more would rarely match anything.</summary>
    private static int FewTerms(Random random) => random.Next(10) switch
    {
        < 5 => 0,
        < 9 => 1,
        _ => 2,
    };

    private static (string Key, string Value)[] RandomLabels(Random random, string[] keys) =>
        [.. keys.Where(_ => random.NextDouble() < 0.5).Select(k => (k, Pick(random, Values)))];

    private static Protocol RandomProtocol(Random random) => random.Next(10) switch
    {
        < 5 => Protocol.Tcp,
        < 9 => Protocol.Udp,
        _ => Protocol.Sctp,
    };

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
