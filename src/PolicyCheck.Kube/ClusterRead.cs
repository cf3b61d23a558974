using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace PolicyCheck.Kube;

/// <summary>What <see cref="ClusterReader"/> read: namespaces, pods, services, endpointslices and networkpolicies, each
/// with <c>apiVersion</c> and <c>kind</c> set, in that order.</summary>
public sealed record ClusterRead(string Context, ImmutableArray<JsonObject> Objects);
