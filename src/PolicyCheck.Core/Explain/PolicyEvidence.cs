using System.Collections.Immutable;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Explain;

/// <summary>
/// A policy that selects the pod for this direction: its rules, and the union of what they allow
/// (<paramref name="Allows"/>; empty for a policy with no rules of this direction, which denies it all).
/// </summary>
public sealed record PolicyEvidence(NetworkPolicy Policy, ImmutableArray<RuleEvidence> Rules, PortSet Allows)
{
    /// <summary>With --port: whether this policy allows the asked port; <c>null</c> without --port.</summary>
    public bool? AllowsQuery { get; init; }
}
