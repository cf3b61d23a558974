using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace PolicyCheck.Kube;

/// <summary>Reads what the network policy evaluation needs from a live cluster, with LIST and GET only.</summary>
public static class ClusterReader
{
    /// <summary>The resources read, in order.</summary>
    public static ImmutableArray<KubeResource> Resources { get; } =
        [KubeResource.Namespaces, KubeResource.Pods, KubeResource.Services, KubeResource.EndpointSlices, KubeResource.NetworkPolicies];

    /// <summary>
    /// Reads namespaces, pods, services, endpointslices and networkpolicies, of all namespaces when
    /// <paramref name="ns"/> is null. For one namespace it GETs that namespace object (a namespaced role cannot list
    /// namespaces); when even that is forbidden it stands in a namespace with only the
    /// <c>kubernetes.io/metadata.name</c> label, which the API server sets on every namespace, and says so.
    /// </summary>
    public static async Task<ClusterRead> ReadAsync(KubeClient client, string? ns, IProgress<string>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        var objects = ImmutableArray.CreateBuilder<JsonObject>();
        if (ns is null)
        {
            objects.AddRange(await ListAsync(client, KubeResource.Namespaces, null, progress, ct));
        }
        else
        {
            progress?.Report($"Reading namespace '{ns}'");
            try
            {
                objects.Add(await client.GetAsync(KubeResource.Namespaces, null, ns, ct)
                    ?? throw new KubeApiException(KubeApiError.NotFound, $"Namespace '{ns}' does not exist in context '{client.ContextName}'.") { StatusCode = 404 });
            }
            catch (KubeApiException ex) when (ex.Kind == KubeApiError.Forbidden)
            {
                progress?.Report($"Cannot get namespace '{ns}' (forbidden); using only its kubernetes.io/metadata.name label");
                objects.Add(StandInNamespace(ns));
            }
        }

        foreach (var resource in Resources.Skip(1))
            objects.AddRange(await ListAsync(client, resource, ns, progress, ct));
        return new ClusterRead(client.ContextName, objects.ToImmutable());
    }

    private static async Task<IReadOnlyList<JsonObject>> ListAsync(
        KubeClient client, KubeResource resource, string? ns, IProgress<string>? progress, CancellationToken ct)
    {
        progress?.Report(ns is null || !resource.Namespaced ? $"Listing {resource.QualifiedName}" : $"Listing {resource.QualifiedName} in namespace '{ns}'");
        var items = await client.ListAsync(resource, ns, ct);
        progress?.Report($"Read {items.Count} {resource.QualifiedName}");
        return items;
    }

    private static JsonObject StandInNamespace(string ns) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new JsonObject
        {
            ["name"] = ns,
            ["labels"] = new JsonObject { ["kubernetes.io/metadata.name"] = ns },
        },
    };
}
