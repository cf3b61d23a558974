namespace PolicyCheck.Reporting.Formats;

/// <summary>
/// How every writer for people names a flow, so list, explain, diff and drift read alike: the two subject ids (as the
/// matrix names them) joined by <see cref="Arrow"/>, and traffic between two pods of one workload marked
/// <see cref="BetweenReplicasNote"/> after the pair.
/// </summary>
public static class FlowText
{
    /// <summary>The arrow between source and destination: <c>-&gt;</c>, in every command.</summary>
    public const string Arrow = "->";

    /// <summary>What follows a pair whose two ends are different pods of one workload.</summary>
    public const string BetweenReplicasNote = "(between replicas)";

    /// <summary><c>shop/web -&gt; shop/db</c>.</summary>
    public static string Pair(string from, string to) => $"{from} {Arrow} {to}";

    /// <summary><c>shop/db -&gt; shop/db (between replicas)</c>: one pod of the workload to another.</summary>
    public static string BetweenReplicas(string subject) => $"{Pair(subject, subject)} {BetweenReplicasNote}";

    /// <summary><see cref="BetweenReplicas"/> when <paramref name="betweenReplicas"/>, else <see cref="Pair(string, string)"/>.</summary>
    public static string Pair(string from, string to, bool betweenReplicas) => betweenReplicas ? BetweenReplicas(from) : Pair(from, to);
}
