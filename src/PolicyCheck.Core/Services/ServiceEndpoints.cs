using System.Collections.Immutable;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Services;

/// <summary>
/// A Service with its backends: the workloads whose pods its selector picks, and where the endpoints come from.
/// </summary>
public sealed record ServiceEndpoints(Service Service, EndpointsSource Source, ImmutableArray<Workload> Backends)
{
    /// <summary>
    /// The endpoints of <paramref name="service"/>. The selector is equality-only and picks workloads in the
    /// service's namespace whose labels hold every pair (hostNetwork pods included). An empty selector is the same as
    /// none: the API omits an empty map, so the endpoints controller sees no selector. Workloads scaled to zero
    /// replicas with no loaded pods have no endpoints.
    /// </summary>
    public static ServiceEndpoints Of(Cluster cluster, Service service)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(service);
        if (service.Type == ServiceType.ExternalName)
            return new ServiceEndpoints(service, EndpointsSource.None, []);
        if (service.Selector is not { Count: > 0 } selector)
            return new ServiceEndpoints(service, EndpointsSource.Manual, []);
        var backends = cluster.Workloads
            .Where(w => w.Namespace == service.Namespace && (w.Replicas > 0 || w.PodNames.Length > 0) && Selects(selector, w.Labels))
            .ToImmutableArray();
        return new ServiceEndpoints(service, EndpointsSource.Selector, backends);
    }

    /// <summary>
    /// The port a service port sends to on <paramref name="backend"/>: a numeric targetPort (or, when absent, the
    /// port) as is; a named one is looked up among the backend's container ports by name <b>and</b> protocol, first
    /// match, as the endpoints controller does.
    /// </summary>
    public static TargetPortResolution ResolveTargetPort(ServicePort port, Workload backend)
    {
        ArgumentNullException.ThrowIfNull(port);
        ArgumentNullException.ThrowIfNull(backend);
        var target = port.EffectiveTargetPort;
        if (target.Number is { } number)
            return new TargetPortResolution(number, null);
        foreach (var containerPort in backend.Ports)
        {
            if (containerPort.Name == target.Name && containerPort.Protocol == port.Protocol)
                return new TargetPortResolution(containerPort.Number, null);
        }

        var sameName = backend.Ports.Where(p => p.Name == target.Name).Select(p => p.Protocol.ToApiString()).ToList();
        var problem = sameName.Count > 0
            ? $"'{backend.Id}' names a container port '{target.Name}' only for {string.Join(", ", sameName)}, not {port.Protocol.ToApiString()}."
            : $"'{backend.Id}' has no container port named '{target.Name}'.";
        return new TargetPortResolution(null, problem);
    }

    private static bool Selects(ImmutableSortedDictionary<string, string> selector, ImmutableSortedDictionary<string, string> labels)
    {
        foreach (var (key, value) in selector)
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
                return false;
        }

        return true;
    }
}
