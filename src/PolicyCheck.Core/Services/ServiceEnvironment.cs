using System.Collections.Immutable;
using System.Globalization;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Services;

/// <summary>
/// The service environment variables the kubelet gives a pod: for each service of the pod's namespace that has a
/// cluster IP (not headless, not ExternalName), <c>&lt;NAME&gt;_SERVICE_HOST</c>, <c>&lt;NAME&gt;_SERVICE_PORT</c>
/// (the first port), <c>&lt;NAME&gt;_SERVICE_PORT_&lt;PORTNAME&gt;</c> per named port, and the Docker-links style
/// <c>&lt;NAME&gt;_PORT</c>, <c>&lt;NAME&gt;_PORT_&lt;port&gt;_&lt;PROTO&gt;</c> with <c>_PROTO</c>, <c>_PORT</c> and
/// <c>_ADDR</c>; names upper-cased with <c>-</c> as <c>_</c>. None when the pod has <c>enableServiceLinks: false</c>.
/// </summary>
public static class ServiceEnvironment
{
    /// <summary>What the variables cannot promise, for every listing of them.</summary>
    public const string Caveat =
        "Only services that existed when the pod started are in its environment; services created later are found " +
        "through DNS only. The 'kubernetes' service of the default namespace is always added, whatever enableServiceLinks says.";

    /// <summary>What a cluster IP not written in the manifests (allocated when the service is created) reads as.</summary>
    public const string UnknownClusterIp = "<cluster-ip>";

    /// <summary>The prefix of a service's variables: <c>my-service</c> → <c>MY_SERVICE</c>.</summary>
    public static string Prefix(string serviceName)
    {
        ArgumentNullException.ThrowIfNull(serviceName);
        return serviceName.ToUpperInvariant().Replace('-', '_');
    }

    /// <summary>Whether the kubelet writes variables for the service: it needs a cluster IP (headless and ExternalName services have none).</summary>
    public static bool HasVariables(Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return service.Type != ServiceType.ExternalName && !service.IsHeadless;
    }

    /// <summary>The variables the pods of <paramref name="workload"/> receive, service by service in name order.</summary>
    public static ImmutableArray<ServiceVariable> For(Cluster cluster, Workload workload)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(workload);
        if (!workload.EnableServiceLinks)
            return [];
        return [.. cluster.Services
            .Where(s => s.Namespace == workload.Namespace && HasVariables(s))
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .SelectMany(s => Of(s).AsEnumerable())];
    }

    /// <summary>The variables one service produces.</summary>
    public static ImmutableArray<ServiceVariable> Of(Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (!HasVariables(service))
            return [];
        var prefix = Prefix(service.Name);
        var host = string.IsNullOrEmpty(service.ClusterIp) ? UnknownClusterIp : service.ClusterIp;
        var result = ImmutableArray.CreateBuilder<ServiceVariable>();
        void Add(string name, string value) => result.Add(new ServiceVariable(name, value, service));

        Add($"{prefix}_SERVICE_HOST", host);
        if (service.Ports.IsEmpty)
            return result.ToImmutable();
        Add($"{prefix}_SERVICE_PORT", Number(service.Ports[0].Port));
        foreach (var port in service.Ports.Where(p => p.Name is not null))
            Add($"{prefix}_SERVICE_PORT_{Prefix(port.Name!)}", Number(port.Port)); // filtered to named ports
        var first = service.Ports[0];
        Add($"{prefix}_PORT", $"{Lower(first.Protocol)}://{host}:{Number(first.Port)}");
        foreach (var port in service.Ports)
        {
            var link = $"{prefix}_PORT_{Number(port.Port)}_{port.Protocol.ToApiString()}";
            Add(link, $"{Lower(port.Protocol)}://{host}:{Number(port.Port)}");
            Add($"{link}_PROTO", Lower(port.Protocol));
            Add($"{link}_PORT", Number(port.Port));
            Add($"{link}_ADDR", host);
        }

        return result.ToImmutable();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Lower(Protocol protocol) => protocol.ToApiString().ToLowerInvariant();
}
