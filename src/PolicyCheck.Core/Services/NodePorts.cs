using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Services;

/// <summary>The node ports of NodePort and LoadBalancer services.</summary>
public static class NodePorts
{
    /// <summary>The default <c>--service-node-port-range</c> of the API server.</summary>
    public const int RangeFirst = 30000;

    public const int RangeLast = 32767;

    /// <summary>
    /// Whether the service has node ports: NodePort always; LoadBalancer unless
    /// <c>allocateLoadBalancerNodePorts: false</c>; ClusterIP and ExternalName never.
    /// </summary>
    public static bool Has(Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return service.Type switch
        {
            ServiceType.NodePort => true,
            ServiceType.LoadBalancer => service.AllocateLoadBalancerNodePorts ?? true,
            _ => false,
        };
    }

    /// <summary>
    /// For people: the explicit node port, <c>allocated (30000-32767)</c> when the API server picks one, or null when
    /// the service has none. A LoadBalancer with allocation turned off keeps an explicitly written node port.
    /// </summary>
    public static string? Describe(Service service, ServicePort port)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(port);
        if (service.Type is ServiceType.ClusterIP or ServiceType.ExternalName)
            return null;
        if (port.NodePort is { } explicitPort)
            return explicitPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Has(service) ? $"allocated ({RangeFirst}-{RangeLast})" : null;
    }

    /// <summary>True when a written node port lies outside the default range (valid only with a custom range).</summary>
    public static bool IsOutsideDefaultRange(int nodePort) => nodePort is < RangeFirst or > RangeLast;
}
