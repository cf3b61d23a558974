using System.Collections.Immutable;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Engine;

/// <summary>
/// Workloads that no selector, named port or ipBlock can tell apart. <see cref="NamedPorts"/> holds only the names
/// some policy uses; <see cref="IpBlocks"/> the distinct ipBlocks (<see cref="AddressPartition.Blocks"/>) that
/// contain one of the workloads' known pod IPs.
/// </summary>
internal sealed record WorkloadClass(
    string Namespace,
    ImmutableSortedDictionary<string, string> NamespaceLabels,
    ImmutableSortedDictionary<string, string> Labels,
    bool HostNetwork,
    IReadOnlyDictionary<(string Name, Protocol Protocol), int> NamedPorts,
    ImmutableArray<int> IpBlocks)
{
    public NodeKind Kind => HostNetwork ? NodeKind.HostNetworkPod : NodeKind.Pod;
}
