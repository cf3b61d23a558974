using System.Collections.Immutable;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Services;

/// <summary>Everything the services listing shows about one service, computed; writers only render it.</summary>
public sealed record ServiceSummary(
    Service Service,
    ServiceEndpoints Endpoints,
    ImmutableArray<string> DnsNames,
    ImmutableArray<string> SrvNames,
    ImmutableArray<PodDnsName> PodNames,
    ImmutableArray<ServicePortSummary> Ports,
    ImmutableArray<string> Notes)
{
    /// <summary><c>ns/name</c>.</summary>
    public string Id => $"{Service.Namespace}/{Service.Name}";

    /// <summary>The type for people: <c>ClusterIP</c>, <c>ClusterIP (headless)</c>, <c>NodePort</c>, …</summary>
    public string TypeText => Service.IsHeadless && Service.Type == ServiceType.ClusterIP ? "ClusterIP (headless)" : Service.Type.ToString();

    /// <summary>
    /// Builds the summaries of the services of <paramref name="cluster"/> (only those in <paramref name="ns"/> when
    /// given), in namespace and name order. <paramref name="reachability"/> must be built on the same cluster.
    /// </summary>
    public static ImmutableArray<ServiceSummary> Build(Cluster cluster, ServiceReachability reachability, string? ns = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(reachability);
        var result = ImmutableArray.CreateBuilder<ServiceSummary>();
        foreach (var service in cluster.Services.Where(s => ns is null || s.Namespace == ns))
        {
            var endpoints = reachability.Endpoints(service);
            var ports = ImmutableArray.CreateBuilder<ServicePortSummary>();
            foreach (var port in service.Ports)
            {
                var targets = endpoints.Backends.Select(b => new BackendTarget(b, ServiceEndpoints.ResolveTargetPort(port, b))).ToImmutableArray();
                var verdicts = Enumerable.Range(0, reachability.Matrix.Subjects.Length)
                    .Select(i => reachability.Reach(i, service, port))
                    .ToImmutableArray();
                ports.Add(new ServicePortSummary(port, NodePorts.Describe(service, port), targets, verdicts));
            }

            result.Add(new ServiceSummary(
                service,
                endpoints,
                service.Type == ServiceType.ExternalName ? [ServiceDns.Fqdn(service)] : ServiceDns.Names(service),
                [.. ServiceDns.SrvNames(service).Select(s => s.Name)],
                ServiceDns.PodNames(endpoints),
                ports.ToImmutable(),
                NotesFor(service, endpoints)));
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<string> NotesFor(Service service, ServiceEndpoints endpoints)
    {
        var notes = ImmutableArray.CreateBuilder<string>();
        switch (endpoints.Source)
        {
            case EndpointsSource.None:
                notes.Add($"ExternalName: a DNS alias (CNAME) for '{service.ExternalName}'; no endpoints, no proxying, no environment variables.");
                break;
            case EndpointsSource.Manual:
                notes.Add("No selector: endpoints are managed by hand (Endpoints/EndpointSlices) and not modelled.");
                break;
            case EndpointsSource.Selector when endpoints.Backends.IsEmpty:
                notes.Add("The selector picks no workload in the namespace: no endpoints.");
                break;
        }

        if (service.IsHeadless)
            notes.Add("Headless: DNS returns the backend pod IPs (no cluster IP, no proxying, no environment variables); reachability is judged on the targetPort, which SRV records give.");
        if (service.Type == ServiceType.LoadBalancer && service.AllocateLoadBalancerNodePorts == false)
            notes.Add("allocateLoadBalancerNodePorts: false: no node ports are allocated.");
        if (service.Type is ServiceType.NodePort or ServiceType.LoadBalancer)
        {
            notes.Add(string.Equals(service.ExternalTrafficPolicy, "Local", StringComparison.Ordinal)
                ? "externalTrafficPolicy Local: outside clients keep their address."
                : "externalTrafficPolicy Cluster: outside clients are source-NATed to a node address.");
        }

        foreach (var port in service.Ports)
        {
            if (port.NodePort is { } nodePort && NodePorts.IsOutsideDefaultRange(nodePort) && NodePorts.Describe(service, port) is not null)
                notes.Add($"Node port {nodePort} is outside the default range {NodePorts.RangeFirst}-{NodePorts.RangeLast}; valid only with a custom --service-node-port-range.");
        }

        return notes.ToImmutable();
    }
}
