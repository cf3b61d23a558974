using System.Collections.Immutable;

namespace PolicyCheck.Core.Model;

/// <summary>
/// A core/v1 Service. <paramref name="Selector"/> is <c>null</c> when absent (endpoints are managed by hand).
/// <paramref name="ClusterIp"/> is <c>"None"</c> for a headless service.
/// </summary>
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
    SourceSpan Span)
{
    public ObjectRef Ref => new("Service", Namespace, Name);

    public bool IsHeadless => string.Equals(ClusterIp, "None", StringComparison.Ordinal);
}
