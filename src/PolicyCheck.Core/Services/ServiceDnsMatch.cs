using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Services;

/// <summary>
/// What a DNS name names: a service, and for an SRV name the port it names, for a per-pod name of a headless
/// service the pod's host label (its hostname, or the dashed IP).
/// </summary>
public sealed record ServiceDnsMatch(Service Service, ServicePort? Port, string? PodLabel);
