using System.Text.Json.Nodes;

namespace PolicyCheck.Kube;

/// <summary>Reads what the network policy evaluation needs from a live cluster.</summary>
public static class ClusterReader
{
    /// <summary>Reads namespaces, pods, services, endpointslices and networkpolicies (all namespaces when
    /// <paramref name="ns"/> is null), reporting each step to <paramref name="progress"/>.</summary>
    public static Task<ClusterRead> ReadAsync(KubeClient client, string? ns, IProgress<string>? progress, CancellationToken ct) =>
        throw new NotSupportedException();
}
