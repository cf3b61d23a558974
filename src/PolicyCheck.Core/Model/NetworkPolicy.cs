using System.Collections.Immutable;
using PolicyCheck.Core.Selectors;

namespace PolicyCheck.Core.Model;

/// <summary>
/// A networking.k8s.io/v1 NetworkPolicy as written. <c>null</c> collections were absent from the manifest.
/// <see cref="AffectsIngress"/> and <see cref="AffectsEgress"/> apply the API server's policyTypes defaulting.
/// </summary>
public sealed record NetworkPolicy(
    string Namespace,
    string Name,
    LabelSelector PodSelector,
    ImmutableArray<Direction>? PolicyTypes,
    ImmutableArray<PolicyRule>? Ingress,
    ImmutableArray<PolicyRule>? Egress,
    SourceSpan Span)
{
    public ObjectRef Ref => new("NetworkPolicy", Namespace, Name);

    /// <summary>
    /// Ingress is implied when policyTypes is absent or empty (the API server defaults on <c>len == 0</c>), whether or
    /// not an ingress section exists.
    /// </summary>
    public bool AffectsIngress => PolicyTypes is { Length: > 0 } types ? types.Contains(Direction.Ingress) : true;

    /// <summary>Egress is implied when policyTypes is absent or empty only if the policy has at least one egress rule.</summary>
    public bool AffectsEgress => PolicyTypes is { Length: > 0 } types ? types.Contains(Direction.Egress) : Egress is { Length: > 0 };

    public bool Affects(Direction direction) => direction == Direction.Ingress ? AffectsIngress : AffectsEgress;

    /// <summary>The rules of one direction; empty when absent. Rules of a direction the policy does not affect are ignored.</summary>
    public ImmutableArray<PolicyRule> Rules(Direction direction) =>
        (direction == Direction.Ingress ? Ingress : Egress) ?? [];

    /// <summary>The rules that take effect: ingress rules when the policy affects ingress, then egress rules when it affects egress.</summary>
    public IEnumerable<PolicyRule> EffectiveRules()
    {
        var ingress = AffectsIngress ? Rules(Direction.Ingress) : [];
        var egress = AffectsEgress ? Rules(Direction.Egress) : [];
        return ingress.Concat(egress);
    }
}
