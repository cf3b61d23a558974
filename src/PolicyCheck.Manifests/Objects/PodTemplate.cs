using System.Collections.Immutable;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Manifests.Objects;

/// <summary>What a pod (template) contributes to a workload: labels, container ports, hostNetwork, enableServiceLinks, hostname and subdomain.</summary>
internal sealed record PodTemplate(
    ImmutableSortedDictionary<string, string> Labels,
    ImmutableArray<ContainerPort> Ports,
    bool HostNetwork,
    bool EnableServiceLinks = true,
    string? Hostname = null,
    string? Subdomain = null);
