using System.Collections.Immutable;

namespace PolicyCheck.Core.Diff;

/// <summary>
/// How reachability changed from one result to another. Workload subjects are matched by id; connections with an
/// external end are reported per address range on the common refinement of both sides' external ranges, so a
/// change of partition alone (another ipBlock) is not a change. Each list is ordered by <c>From</c>, then
/// <c>To</c>: workloads first (the after side's order, then removed ones in the before side's order), then
/// external ranges, IPv4 before IPv6, by first address.
/// </summary>
/// <param name="Added">Pairs that allowed nothing (or did not exist) before and allow something after.</param>
/// <param name="Removed">Pairs that allowed something before and allow nothing (or no longer exist) after.</param>
/// <param name="Changed">Pairs that allow something on both sides, but not the same ports.</param>
/// <param name="SubjectsAdded">Ids of workloads only the after side has.</param>
/// <param name="SubjectsRemoved">Ids of workloads only the before side has.</param>
public sealed record ConnectionDelta(
    ImmutableArray<ConnectionChange> Added,
    ImmutableArray<ConnectionChange> Removed,
    ImmutableArray<ConnectionChange> Changed,
    ImmutableArray<string> SubjectsAdded,
    ImmutableArray<string> SubjectsRemoved)
{
    public static ConnectionDelta Empty { get; } = new([], [], [], [], []);

    /// <summary>Whether nothing changed at all.</summary>
    public bool IsEmpty => Added.IsEmpty && Removed.IsEmpty && Changed.IsEmpty && SubjectsAdded.IsEmpty && SubjectsRemoved.IsEmpty;

    /// <summary>Every change: added, removed and changed together, in that order.</summary>
    public IEnumerable<ConnectionChange> All => Added.Concat(Removed).Concat(Changed);

    /// <summary>
    /// Only what concerns shown subjects: connections whose two ends are both shown, and shown added or removed
    /// subjects. <paramref name="shown"/> gets workload ids and external ranges (<c>ext:…</c>) alike.
    /// </summary>
    public ConnectionDelta Where(Func<string, bool> shown)
    {
        ArgumentNullException.ThrowIfNull(shown);
        return new ConnectionDelta(
            [.. Added.Where(c => shown(c.From) && shown(c.To))],
            [.. Removed.Where(c => shown(c.From) && shown(c.To))],
            [.. Changed.Where(c => shown(c.From) && shown(c.To))],
            [.. SubjectsAdded.Where(shown)],
            [.. SubjectsRemoved.Where(shown)]);
    }
}
