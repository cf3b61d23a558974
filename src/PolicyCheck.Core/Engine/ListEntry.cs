namespace PolicyCheck.Core.Engine;

/// <summary>
/// One ordered pair of subjects in a connection list. Off the diagonal it is a connection the filters kept. On the
/// diagonal (a workload to itself) it carries what the workload's replicas may send each other, and it is there when
/// the self pair was asked for or the replicas' traffic passes the filters.
/// </summary>
/// <param name="Allowed">What <paramref name="From"/> may send <paramref name="To"/>: never empty; <see cref="PortSet.All"/> on the diagonal.</param>
/// <param name="BetweenReplicas">On the diagonal of a workload with two or more pods, what one pod may send another; otherwise <c>null</c>.</param>
/// <param name="PairListed">Whether the pair itself is listed (always off the diagonal; on it only with --include-self).</param>
/// <param name="BetweenReplicasListed">Whether traffic between the replicas is listed: not empty and passing the port filter.</param>
public sealed record ListEntry(int From, int To, PortSet Allowed, PortSet? BetweenReplicas, bool PairListed, bool BetweenReplicasListed)
{
    public bool IsSelf => From == To;
}
