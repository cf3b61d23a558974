using System.Collections.Immutable;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Manifests.Objects;

/// <summary>
/// The policy kinds of network plugins and meshes that PolicyCheck reads but does not evaluate: each is reported so
/// that no result silently leaves out what they allow or deny (docs/semantics.md, "Policy kinds not evaluated").
/// </summary>
public static class UnevaluatedKinds
{
    /// <param name="Plugin">Who enforces the kind, for messages.</param>
    /// <param name="ClusterWide">Whether the kind is cluster-scoped and may select pods of every namespace.</param>
    public sealed record Kind(string Group, string Name, string Plugin, bool ClusterWide)
    {
        public string QualifiedName => $"{Name}.{Group}";
    }

    /// <summary>Every such kind, by group.</summary>
    public static ImmutableArray<Kind> All { get; } =
    [
        new("cilium.io", "CiliumNetworkPolicy", "Cilium", false),
        new("cilium.io", "CiliumClusterwideNetworkPolicy", "Cilium", true),
        new("crd.antrea.io", "NetworkPolicy", "Antrea", false),
        new("crd.antrea.io", "ClusterNetworkPolicy", "Antrea", true),
        new("crd.projectcalico.org", "NetworkPolicy", "Calico", false),
        new("crd.projectcalico.org", "StagedNetworkPolicy", "Calico", false),
        new("crd.projectcalico.org", "GlobalNetworkPolicy", "Calico", true),
        new("projectcalico.org", "NetworkPolicy", "Calico", false),
        new("projectcalico.org", "StagedNetworkPolicy", "Calico", false),
        new("projectcalico.org", "GlobalNetworkPolicy", "Calico", true),
        new("security.istio.io", "AuthorizationPolicy", "Istio", false),
    ];

    public static Kind? Find(string group, string kind) => All.FirstOrDefault(k => k.Group == group && k.Name == kind);

    /// <summary>The words <c>--ignore-kind</c> and <c>ignore-kinds:</c> take: each kind alone and with its group.</summary>
    public static ImmutableArray<string> Names { get; } =
        [.. All.Select(k => k.Name).Distinct(StringComparer.Ordinal), .. All.Select(k => k.QualifiedName)];

    /// <summary>Whether the acknowledgement <paramref name="value"/> (a kind, or kind.group) covers <paramref name="policy"/>.</summary>
    public static bool Covers(string value, CustomResource policy)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(policy);
        return value == policy.Kind || value == policy.QualifiedKind;
    }
}
