using PolicyCheck.Core.Engine;

namespace PolicyCheck.Core.Diff;

/// <summary>
/// One ordered pair whose allowed traffic differs between two results. <paramref name="From"/> and
/// <paramref name="To"/> are workload ids (<c>ns/name</c>) or one external address range, <c>ext:first-last</c>.
/// When both are the same workload, the change is to what one of its pods may send another (between replicas);
/// a pod's traffic to itself is always allowed and never changes.
/// </summary>
/// <param name="Before">What was allowed before; <c>null</c> when nothing was (the connection is added).</param>
/// <param name="After">What is allowed after; <c>null</c> when nothing is (the connection is removed).</param>
public sealed record ConnectionChange(string From, string To, PortSet? Before, PortSet? After)
{
    /// <summary>Whether this is the traffic between two pods of one workload.</summary>
    public bool IsBetweenReplicas => From == To;

    /// <summary>What is allowed after but was not before (never null; empty when nothing was gained).</summary>
    public PortSet Gained => PortSetDifference.Except(After ?? PortSet.None, Before ?? PortSet.None);

    /// <summary>What was allowed before but is not after (never null; empty when nothing was lost).</summary>
    public PortSet Lost => PortSetDifference.Except(Before ?? PortSet.None, After ?? PortSet.None);
}
