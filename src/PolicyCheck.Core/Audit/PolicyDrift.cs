using System.Collections.Immutable;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Audit;

/// <summary>
/// How the NetworkPolicies running in a cluster (<c>Live</c>) differ from the ones declared in manifests
/// (<c>Declared</c>): present on one side only, or on both with a different meaning. Each list is sorted by
/// namespace and name.
/// </summary>
public sealed record PolicyDrift(
    ImmutableArray<NetworkPolicy> OnlyLive,
    ImmutableArray<NetworkPolicy> OnlyDeclared,
    ImmutableArray<PolicyDifference> Different)
{
    public bool IsEmpty => OnlyLive.IsEmpty && OnlyDeclared.IsEmpty && Different.IsEmpty;
}
