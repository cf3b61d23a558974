using System.Collections.Immutable;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Audit;

/// <summary>
/// One NetworkPolicy that exists on both sides with a different meaning. <paramref name="Parts"/> names what differs:
/// <c>podSelector</c>, <c>policyTypes</c>, <c>ingress</c>, <c>egress</c>.
/// </summary>
public sealed record PolicyDifference(NetworkPolicy Live, NetworkPolicy Declared, ImmutableArray<string> Parts)
{
    public ObjectRef Ref => Live.Ref;
}
