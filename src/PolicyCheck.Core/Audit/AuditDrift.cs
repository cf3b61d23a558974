using System.Collections.Immutable;
using PolicyCheck.Core.Diff;

namespace PolicyCheck.Core.Audit;

/// <summary>
/// The drift between a cluster and the manifests meant to describe it: NetworkPolicies on one side only or different,
/// workloads on one side only, and the connections between workloads of both sides (and outside addresses) that one
/// side allows and the other does not. In <paramref name="Connections"/>, "before" is the manifests and "after" the
/// cluster: <c>Added</c> is what the cluster allows and the manifests would not.
/// </summary>
public sealed record AuditDrift(
    string Context,
    PolicyDrift Policies,
    ImmutableArray<string> WorkloadsOnlyLive,
    ImmutableArray<string> WorkloadsOnlyDeclared,
    ConnectionDelta Connections)
{
    public bool IsEmpty => Policies.IsEmpty && WorkloadsOnlyLive.IsEmpty && WorkloadsOnlyDeclared.IsEmpty &&
                           Connections.Added.IsEmpty && Connections.Removed.IsEmpty && Connections.Changed.IsEmpty;
}
