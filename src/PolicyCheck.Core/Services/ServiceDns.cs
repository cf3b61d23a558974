using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Services;

/// <summary>
/// The cluster DNS names of services (Kubernetes DNS-based service discovery, cluster domain <c>cluster.local</c>):
/// <c>&lt;svc&gt;.&lt;ns&gt;.svc.cluster.local</c> and the short forms a pod's search list completes
/// (<c>&lt;ns&gt;.svc.cluster.local svc.cluster.local cluster.local</c>), SRV names for named ports, and per-pod
/// names for headless services.
/// </summary>
public static class ServiceDns
{
    public const string ClusterDomain = "cluster.local";

    /// <summary>The fully qualified name: <c>my-svc.my-ns.svc.cluster.local</c>.</summary>
    public static string Fqdn(Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return $"{service.Name}.{service.Namespace}.svc.{ClusterDomain}";
    }

    /// <summary>
    /// The names a pod can use: <c>svc</c> (from its own namespace only), <c>svc.ns</c>, <c>svc.ns.svc</c> and the
    /// fully qualified name.
    /// </summary>
    public static ImmutableArray<string> Names(Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return [service.Name, $"{service.Name}.{service.Namespace}", $"{service.Name}.{service.Namespace}.svc", Fqdn(service)];
    }

    /// <summary>
    /// SRV names for the named ports: <c>_&lt;port-name&gt;._&lt;protocol&gt;.&lt;fqdn&gt;</c>, protocol in lower
    /// case. Unnamed ports have none. An ExternalName service has none (it is only a CNAME).
    /// </summary>
    public static ImmutableArray<(ServicePort Port, string Name)> SrvNames(Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (service.Type == ServiceType.ExternalName)
            return [];
        return [.. service.Ports.Where(p => p.Name is not null).Select(p => (p, SrvName(service, p)))];
    }

    public static string SrvName(Service service, ServicePort port)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(port);
        return $"_{port.Name}._{port.Protocol.ToApiString().ToLowerInvariant()}.{Fqdn(service)}";
    }

    /// <summary>
    /// Per-pod names of a headless service (empty for other services): a pod whose subdomain is the service's name
    /// gets <c>&lt;hostname&gt;.&lt;svc&gt;.&lt;ns&gt;.svc.cluster.local</c> (a StatefulSet's pods: their own names,
    /// <c>&lt;set&gt;-&lt;ordinal&gt;</c>); any other backend pod gets a generated label, which CoreDNS forms from its
    /// IP (<c>10-1-2-3</c>), known only when the pod IPs are.
    /// </summary>
    public static ImmutableArray<PodDnsName> PodNames(ServiceEndpoints endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var service = endpoints.Service;
        if (!service.IsHeadless)
            return [];
        var suffix = "." + Fqdn(service);
        var names = ImmutableArray.CreateBuilder<PodDnsName>();
        foreach (var backend in endpoints.Backends)
        {
            var governed = backend.Subdomain == service.Name;
            if (governed && backend.Kind == WorkloadKind.StatefulSet)
            {
                var pods = backend.PodNames.Length > 0
                    ? backend.PodNames
                    : [.. Enumerable.Range(0, backend.Replicas).Select(i => $"{backend.Name}-{i.ToString(CultureInfo.InvariantCulture)}")];
                foreach (var pod in pods)
                    names.Add(new PodDnsName(backend.Id, pod + suffix, "StatefulSet pod name"));
            }
            else if (governed && backend.Hostname is { } hostname)
            {
                names.Add(new PodDnsName(backend.Id, hostname + suffix, "pod hostname"));
            }
            else if (!backend.PodIps.IsDefaultOrEmpty)
            {
                foreach (var ip in backend.PodIps)
                    names.Add(new PodDnsName(backend.Id, DashedAddress(ip) + suffix, "pod IP"));
            }
            else
            {
                names.Add(new PodDnsName(backend.Id, null, "generated from the pod IP, which the manifests do not give"));
            }
        }

        return names.ToImmutable();
    }

    /// <summary>An address as a DNS label, as CoreDNS writes it: dots (IPv4) or colons (IPv6) become dashes.</summary>
    public static string DashedAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.ToString().Replace('.', '-').Replace(':', '-');
    }

    /// <summary>
    /// The service a pod in <paramref name="clientNamespace"/> reaches by <paramref name="name"/>: <c>svc</c> (in the
    /// client's namespace), <c>svc.ns</c>, <c>svc.ns.svc</c>, <c>svc.ns.svc.cluster.local</c> (a trailing dot is
    /// allowed), an SRV name <c>_port._proto.svc.ns.svc.cluster.local</c> or its short forms, or a per-pod name
    /// <c>host.svc.ns.svc.cluster.local</c> of a headless service. DNS names are case-insensitive. Null when the name
    /// is no service's.
    /// </summary>
    public static ServiceDnsMatch? Find(Cluster cluster, string name, string clientNamespace)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(clientNamespace);
        var labels = name.Trim().TrimEnd('.').ToLowerInvariant().Split('.');
        if (labels.Any(l => l.Length == 0))
            return null;
        var suffix = ("svc." + ClusterDomain).Split('.');
        var fqdn = labels.Length >= 4 && labels.AsSpan(labels.Length - 3).SequenceEqual(suffix);
        var svcSuffix = !fqdn && labels.Length >= 3 && labels[^1] == "svc";
        var core = fqdn ? labels[..^3] : svcSuffix ? labels[..^1] : labels;
        string? srvPort = null, srvProtocol = null, podLabel = null;
        if (core.Length >= 2 && core[0].StartsWith('_') && core[1].StartsWith('_'))
        {
            srvPort = core[0][1..];
            srvProtocol = core[1][1..];
            core = core[2..];
        }
        else if (core.Length == 3 && (fqdn || svcSuffix))
        {
            podLabel = core[0];
            core = core[1..];
        }

        var (svcName, ns) = core.Length switch
        {
            1 when !fqdn && !svcSuffix => (core[0], clientNamespace),
            2 => (core[0], core[1]),
            _ => (null, null),
        };
        if (svcName is null)
            return null;
        var service = cluster.Services.FirstOrDefault(s =>
            string.Equals(s.Name, svcName, StringComparison.OrdinalIgnoreCase) && string.Equals(s.Namespace, ns, StringComparison.OrdinalIgnoreCase));
        if (service is null)
            return null;
        if (srvPort is not null)
        {
            var port = service.Ports.FirstOrDefault(p => p.Name is not null &&
                string.Equals(p.Name, srvPort, StringComparison.OrdinalIgnoreCase) &&
                string.Equals(p.Protocol.ToApiString(), srvProtocol, StringComparison.OrdinalIgnoreCase));
            return port is null || service.Type == ServiceType.ExternalName ? null : new ServiceDnsMatch(service, port, null);
        }

        if (podLabel is not null)
        {
            var endpoints = ServiceEndpoints.Of(cluster, service);
            var known = PodNames(endpoints).Any(p => p.Name is { } n && n.StartsWith(podLabel + ".", StringComparison.OrdinalIgnoreCase));
            return known ? new ServiceDnsMatch(service, null, podLabel) : null;
        }

        return new ServiceDnsMatch(service, null, null);
    }
}
