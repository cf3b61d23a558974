using System.Collections.Immutable;

namespace PolicyCheck.Core.Model;

/// <summary>
/// A core/v1 Service. <paramref name="Selector"/> is <c>null</c> when absent (endpoints are managed by hand).
/// <paramref name="ClusterIp"/> is <c>"None"</c> for a headless service.
/// </summary>
/// <param name="SelectorSpan">Where <c>spec.selector</c> is written, key to value; null when absent.</param>
/// <param name="ClusterIpSpan">Where <c>spec.clusterIP</c> is written; null when absent.</param>
/// <param name="PortsSpan">Where <c>spec.ports</c> is written; null when absent.</param>
/// <param name="TypeSpan">Where <c>spec.type</c> is written; null when absent (the type is then ClusterIP).</param>
/// <param name="ExternalNameSpan">Where <c>spec.externalName</c> is written; null when absent.</param>
public sealed record Service(
    string Namespace,
    string Name,
    ServiceType Type,
    string? ClusterIp,
    ImmutableSortedDictionary<string, string>? Selector,
    ImmutableArray<ServicePort> Ports,
    string? ExternalName,
    string? ExternalTrafficPolicy,
    bool? AllocateLoadBalancerNodePorts,
    SourceSpan Span,
    SourceSpan? SelectorSpan = null,
    SourceSpan? ClusterIpSpan = null,
    SourceSpan? PortsSpan = null,
    SourceSpan? TypeSpan = null,
    SourceSpan? ExternalNameSpan = null)
{
    public ObjectRef Ref => new("Service", Namespace, Name);

    public bool IsHeadless => string.Equals(ClusterIp, "None", StringComparison.Ordinal);
}
