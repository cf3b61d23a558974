namespace PolicyCheck.Kube;

/// <summary>An API resource the client lists: group (empty for the core group), version, plural, kind, scope.</summary>
public sealed record KubeResource(string Group, string Version, string Plural, string Kind, bool Namespaced)
{
    public static KubeResource Namespaces { get; } = new("", "v1", "namespaces", "Namespace", Namespaced: false);

    public static KubeResource Pods { get; } = new("", "v1", "pods", "Pod", Namespaced: true);

    public static KubeResource Services { get; } = new("", "v1", "services", "Service", Namespaced: true);

    public static KubeResource EndpointSlices { get; } = new("discovery.k8s.io", "v1", "endpointslices", "EndpointSlice", Namespaced: true);

    public static KubeResource NetworkPolicies { get; } = new("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", Namespaced: true);

    /// <summary><c>v1</c> or <c>networking.k8s.io/v1</c>, as an object's <c>apiVersion</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary><c>pods</c> or <c>networkpolicies.networking.k8s.io</c>, as RBAC messages name a resource.</summary>
    public string QualifiedName => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>The collection's path: <c>/api/v1/pods</c>, <c>/apis/networking.k8s.io/v1/namespaces/ns/networkpolicies</c>.</summary>
    public string Path(string? ns)
    {
        var prefix = Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";
        return Namespaced && ns is not null ? $"{prefix}/namespaces/{Uri.EscapeDataString(ns)}/{Plural}" : $"{prefix}/{Plural}";
    }

    public override string ToString() => QualifiedName;
}
