namespace PolicyCheck.Manifests.Objects;

/// <summary>
/// The policy kinds of network plugins and meshes that PolicyCheck reads but does not evaluate: each is reported so
/// that no result silently leaves out what they allow or deny (docs/semantics.md, "Policy kinds not evaluated").
/// </summary>
internal static class UnevaluatedKinds
{
    /// <param name="Plugin">Who enforces the kind, for messages.</param>
    /// <param name="ClusterWide">Whether the kind is cluster-scoped and may select pods of every namespace.</param>
    internal sealed record Kind(string Plugin, bool ClusterWide);

    public static Kind? Find(string group, string kind) => (group, kind) switch
    {
        ("cilium.io", "CiliumNetworkPolicy") => new("Cilium", false),
        ("cilium.io", "CiliumClusterwideNetworkPolicy") => new("Cilium", true),
        ("projectcalico.org" or "crd.projectcalico.org", "NetworkPolicy" or "StagedNetworkPolicy") => new("Calico", false),
        ("projectcalico.org" or "crd.projectcalico.org", "GlobalNetworkPolicy") => new("Calico", true),
        ("crd.antrea.io", "NetworkPolicy") => new("Antrea", false),
        ("crd.antrea.io", "ClusterNetworkPolicy") => new("Antrea", true),
        ("security.istio.io", "AuthorizationPolicy") => new("Istio", false),
        _ => null,
    };
}
