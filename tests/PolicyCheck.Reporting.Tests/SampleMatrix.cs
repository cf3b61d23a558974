using System.Collections.Immutable;
using System.Net;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Reporting.Tests;

/// <summary>Hand-made subjects and matrices: the writers' tests state the engine's answer instead of computing it.</summary>
internal static class SampleMatrix
{
    public static ContainerPort Port(string? name, int number, Protocol protocol = Protocol.Tcp) =>
        new(name, number, protocol, SourceSpan.None);

    public static Subject Workload(
        WorkloadKind kind,
        string ns,
        string name,
        int replicas = 1,
        ImmutableSortedDictionary<string, string>? labels = null,
        ImmutableArray<ContainerPort> ports = default,
        string? id = null)
    {
        var workload = new Workload(
            kind, ns, name, labels ?? Labels.Empty, ports.IsDefault ? [] : ports, replicas, HostNetwork: false, [], [], SourceSpan.None);
        return Subject.ForWorkload(workload, id ?? workload.Id);
    }

    public static Subject Pod(string ns, string name, params ContainerPort[] ports) =>
        Workload(WorkloadKind.Pod, ns, name, ports: [.. ports]);

    public static Subject External(params (string First, string Last)[] ranges) =>
        Subject.ForExternal([.. ranges.Select(r => new IpRange(IPAddress.Parse(r.First), IPAddress.Parse(r.Last)))]);

    public static PortSet Tcp(params int[] ports) => Set(Protocol.Tcp, ports);

    public static PortSet Udp(params int[] ports) => Set(Protocol.Udp, ports);

    /// <summary>The long set frontend and db may send outside, too long for a table cell.</summary>
    public static PortSet Outbound { get; } =
        PortSet.FromRanges(Protocol.Tcp, [new(443, 443), new(8080, 8090), new(9000, 9100)]).Union(Udp(53));

    /// <summary>
    /// 0 shop/frontend (Deployment ×3, ingress-isolated, port http 8080), 1 shop/db (StatefulSet ×2, isolated both
    /// ways, port pg 5432), 2 kube-system/coredns (Deployment ×2, dns 53/UDP, dns-tcp 53/TCP), 3 shop/debug (bare
    /// pod), 4 the outside world in two ranges. Replicas of frontend may not talk to each other; db replicas only on
    /// 5432; coredns replicas freely.
    /// </summary>
    public static ReachabilityMatrix Shop()
    {
        ImmutableArray<Subject> subjects =
        [
            Workload(WorkloadKind.Deployment, "shop", "frontend", 3, Labels.Of(("app", "frontend"), ("tier", "web")), [Port("http", 8080)]),
            Workload(WorkloadKind.StatefulSet, "shop", "db", 2, Labels.Of(("app", "db")), [Port("pg", 5432)]),
            Workload(WorkloadKind.Deployment, "kube-system", "coredns", 2, Labels.Of(("k8s-app", "kube-dns")),
                [Port("dns", 53, Protocol.Udp), Port("dns-tcp", 53)]),
            Workload(WorkloadKind.Pod, "shop", "debug", labels: Labels.Of(("run", "debug"))),
            External(("0.0.0.0", "9.255.255.255"), ("11.0.0.0", "255.255.255.255")),
        ];
        (int, int, PortSet)[] cells =
        [
            (0, 1, Tcp(5432)),
            (0, 2, Tcp(53).Union(Udp(53))),
            (0, 4, Outbound),
            (1, 1, Tcp(5432)),
            (1, 2, Udp(53)),
            (1, 4, Outbound),
            (2, 2, PortSet.All),
            (2, 4, PortSet.All),
            (3, 0, PortSet.All),
            (3, 1, Tcp(5432)),
            (3, 2, PortSet.All),
            (3, 4, PortSet.All),
            (4, 0, Tcp(8080)),
        ];
        return ReachabilityMatrix.FromConnections(subjects, cells, new HashSet<int> { 0, 1 }, new HashSet<int> { 1 });
    }

    private static PortSet Set(Protocol protocol, int[] ports) =>
        ports.Aggregate(PortSet.None, (set, port) => set.Union(PortSet.Of(protocol, port)));
}
