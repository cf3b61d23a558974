using System.Collections.Immutable;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Services;

/// <summary>
/// Whether pods can resolve names: pods send DNS to the <c>kube-dns</c> Service of <c>kube-system</c> on port 53 over
/// UDP and TCP, so a pod whose egress is isolated needs a rule allowing its backends on their targetPorts. When the
/// manifests lack the DNS pods or the service, the standard CoreDNS is assumed and evaluated on a copy of the cluster:
/// namespace <c>kube-system</c>, a Deployment <c>coredns</c> labelled <c>k8s-app: kube-dns</c> with ports
/// <c>dns</c> 53/UDP and <c>dns-tcp</c> 53/TCP, and the service <c>kube-dns</c> selecting it.
/// </summary>
public static class ClusterDns
{
    public const string Namespace = "kube-system";
    public const string ServiceName = "kube-dns";
    public const string DnsLabelKey = "k8s-app";
    public const string DnsLabelValue = "kube-dns";
    public const int Port = 53;

    /// <summary>
    /// Assesses every workload of <paramref name="cluster"/> (the assumed CoreDNS itself is not listed).
    /// <paramref name="matrix"/>, when given, must be the evaluation of <paramref name="cluster"/> with
    /// <paramref name="options"/>; it is reused when nothing needs to be assumed.
    /// </summary>
    public static ClusterDnsAssessment Assess(Cluster cluster, EvaluationOptions? options = null, ReachabilityMatrix? matrix = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var (evaluated, service, assumed) = WithDns(cluster);
        var result = assumed is null && matrix is not null ? matrix : Evaluator.Evaluate(evaluated, options);
        var reachability = new ServiceReachability(evaluated, result);
        var udp = service.Ports.FirstOrDefault(p => p.Port == Port && p.Protocol == Protocol.Udp);
        var tcp = service.Ports.FirstOrDefault(p => p.Port == Port && p.Protocol == Protocol.Tcp);
        var workloads = ImmutableArray.CreateBuilder<WorkloadDnsAccess>();
        // The assumed CoreDNS is evaluated as a subject but is not the caller's workload; a set, not a scan per subject.
        var own = new HashSet<Workload>(cluster.Workloads, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < result.Subjects.Length; i++)
        {
            if (result.Subjects[i].Workload is not { } workload || !own.Contains(workload))
                continue;
            workloads.Add(new WorkloadDnsAccess(
                workload,
                udp is null ? ServiceCoverage.NoEndpoints : reachability.Reach(i, service, udp).Coverage,
                tcp is null ? ServiceCoverage.NoEndpoints : reachability.Reach(i, service, tcp).Coverage));
        }

        return new ClusterDnsAssessment(service, assumed, workloads.ToImmutable());
    }

    /// <summary>
    /// Whether the cluster's reachability depends on the cluster DNS: some policy restricts egress, so whether pods can
    /// resolve names is up to the policies. Without such a policy every pod reaches the DNS anyway.
    /// </summary>
    public static bool MattersFor(Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return cluster.Policies.Any(p => p.AffectsEgress);
    }

    /// <summary>
    /// The cluster with the DNS it needs: itself when it has the kube-dns service with backends; else a copy with the
    /// standard CoreDNS pods and/or service added, and a sentence saying what was assumed.
    /// </summary>
    public static (Cluster Cluster, Service Service, string? Assumed) WithDns(Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var service = cluster.Services.FirstOrDefault(s => s.Namespace == Namespace && s.Name == ServiceName);
        if (service is not null && !ServiceEndpoints.Of(cluster, service).Backends.IsEmpty)
            return (cluster, service, null);

        var assumed = new List<string>();
        var result = cluster;
        if (!cluster.Namespaces.Any(n => n.Name == Namespace))
            result = result with { Namespaces = result.Namespaces.Add(cluster.FindNamespace(Namespace)) };
        if (service is null)
        {
            service = new Service(Namespace, ServiceName, ServiceType.ClusterIP, null,
                Labels.Of((DnsLabelKey, DnsLabelValue)),
                [
                    new ServicePort("dns", Protocol.Udp, Port, PortValue.Of("dns"), null, SourceSpan.None),
                    new ServicePort("dns-tcp", Protocol.Tcp, Port, PortValue.Of("dns-tcp"), null, SourceSpan.None),
                ],
                null, null, null, SourceSpan.None);
            result = result with { Services = result.Services.Add(service) };
            assumed.Add($"the Service {Namespace}/{ServiceName}");
        }

        if (ServiceEndpoints.Of(result, service).Backends.IsEmpty)
        {
            var labels = service.Selector is { Count: > 0 } selector ? selector : Labels.Of((DnsLabelKey, DnsLabelValue));
            var name = cluster.Workloads.Any(w => w.Namespace == Namespace && w.Name == "coredns") ? "coredns-assumed" : "coredns";
            var coredns = new Workload(WorkloadKind.Deployment, Namespace, name, labels,
                [
                    new ContainerPort("dns", Port, Protocol.Udp, SourceSpan.None),
                    new ContainerPort("dns-tcp", Port, Protocol.Tcp, SourceSpan.None),
                    new ContainerPort("metrics", 9153, Protocol.Tcp, SourceSpan.None),
                ],
                2, false, [], [], SourceSpan.None)
            {
                IsAssumed = true,
            };
            result = result with { Workloads = result.Workloads.Add(coredns) };
            assumed.Add($"CoreDNS pods ({Namespace}/{name}, {DnsLabelKey}={DnsLabelValue}, dns 53/UDP and dns-tcp 53/TCP)");
        }

        return (result, service, $"Not in the manifests, so assumed as most clusters install them: {string.Join(" and ", assumed)}.");
    }
}
