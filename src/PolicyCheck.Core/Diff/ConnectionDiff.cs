using System.Collections.Immutable;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Diff;

/// <summary>
/// Compares two reachability results. Workloads are matched by id. External subjects are not: their ranges
/// depend on the ipBlocks of each side, so both sides' ranges are cut into their common refinement (every piece
/// lies in one external subject of each side) and each piece is compared on its own; neighbouring pieces with
/// the same change are merged back into one range. A workload's traffic to itself is always allowed, so on the
/// diagonal the between-replicas sets are compared (a single pod counts as allowing nothing there).
/// </summary>
public static class ConnectionDiff
{
    public static ConnectionDelta Compare(ReachabilityMatrix before, ReachabilityMatrix after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);

        var beforeIndex = WorkloadIndex(before);
        var afterIndex = WorkloadIndex(after);
        var afterIds = WorkloadIds(after);
        var removed = WorkloadIds(before).Where(id => !afterIndex.ContainsKey(id)).ToList();
        var added = afterIds.Where(id => !beforeIndex.ContainsKey(id)).ToList();
        var workloads = afterIds.Concat(removed).ToList();

        var changes = new List<(ConnectionChange Change, int From, int To)>();
        var ids = workloads.Select(id => (Before: beforeIndex.GetValueOrDefault(id, -1), After: afterIndex.GetValueOrDefault(id, -1))).ToList();

        // Between two distinct subjects the matrix answers per class, so workloads with the same class on both sides
        // (or absent on a side) have the same cells: compare one representative pair per pair of groups.
        var groups = ids
            .Select((side, w) => (Key: (Class(before, side.Before), Class(after, side.After)), Workload: w))
            .GroupBy(x => x.Key, x => x.Workload)
            .Select(g => g.ToList())
            .ToList();
        foreach (var from in groups)
        {
            foreach (var to in groups)
            {
                var (f0, t0) = (from[0], to[0]);
                if (ReferenceEquals(from, to))
                {
                    if (from.Count < 2)
                        continue;
                    t0 = from[1];
                }

                var was = Cell(before, ids[f0].Before, ids[t0].Before);
                var now = Cell(after, ids[f0].After, ids[t0].After);
                if (!Differ(was, now))
                    continue;
                foreach (var f in from)
                {
                    foreach (var t in to)
                    {
                        if (f != t)
                            changes.Add((Change(workloads[f], workloads[t], was, now), f, t));
                    }
                }
            }
        }

        for (var w = 0; w < workloads.Count; w++)
        {
            var was = Cell(before, ids[w].Before, ids[w].Before);
            var now = Cell(after, ids[w].After, ids[w].After);
            if (Differ(was, now))
                changes.Add((Change(workloads[w], workloads[w], was, now), w, w));
        }

        var pieces = Refine(before, after);
        foreach (var group in groups)
        {
            var w0 = group[0];
            AddExternalChanges(changes, group, workloads, pieces, inbound: true,
                p => Cell(before, pieces[p].Before, ids[w0].Before), p => Cell(after, pieces[p].After, ids[w0].After));
            AddExternalChanges(changes, group, workloads, pieces, inbound: false,
                p => Cell(before, ids[w0].Before, pieces[p].Before), p => Cell(after, ids[w0].After, pieces[p].After));
        }

        var ordered = changes.OrderBy(c => c.From).ThenBy(c => c.To).Select(c => c.Change).ToList();
        return new ConnectionDelta(
            [.. ordered.Where(c => c.Before is null)],
            [.. ordered.Where(c => c.After is null)],
            [.. ordered.Where(c => c.Before is not null && c.After is not null)],
            [.. added],
            [.. removed]);
    }

    /// <summary>What <paramref name="from"/> may send <paramref name="to"/> (indices into the matrix, -1 = absent).</summary>
    private static PortSet Cell(ReachabilityMatrix matrix, int from, int to)
    {
        if (from < 0 || to < 0)
            return PortSet.None;
        if (from == to)
            return matrix.BetweenReplicas(from) ?? PortSet.None;
        return matrix.Allowed(from, to);
    }

    private static bool Differ(PortSet was, PortSet now) => !was.Equals(now);

    private static int Class(ReachabilityMatrix matrix, int subject) => subject < 0 ? -1 : matrix.ClassOf(subject);

    private static ConnectionChange Change(string from, string to, PortSet was, PortSet now) =>
        new(from, to, was.IsEmpty ? null : was, now.IsEmpty ? null : now);

    /// <summary>
    /// Walks the pieces in address order and reports runs of neighbouring pieces with the same change as one range,
    /// for every workload of <paramref name="group"/> (which all have the same cells). Pieces tile each family's
    /// address space, so neighbours in the list touch unless the family changes.
    /// </summary>
    private static void AddExternalChanges(
        List<(ConnectionChange Change, int From, int To)> changes,
        List<int> group,
        List<string> workloads,
        List<Piece> pieces,
        bool inbound,
        Func<int, PortSet> was,
        Func<int, PortSet> now)
    {
        var p = 0;
        while (p < pieces.Count)
        {
            var (a, b) = (was(p), now(p));
            if (!Differ(a, b))
            {
                p++;
                continue;
            }

            var first = p;
            while (p + 1 < pieces.Count && pieces[p].Addresses.IsFollowedBy(pieces[p + 1].Addresses) &&
                   was(p + 1).Equals(a) && now(p + 1).Equals(b))
                p++;
            var range = Subject.ExternalId([pieces[first].Addresses with { Last = pieces[p].Addresses.Last }]);
            var order = workloads.Count + first;
            foreach (var w in group)
            {
                changes.Add(inbound
                    ? (Change(range, workloads[w], a, b), order, w)
                    : (Change(workloads[w], range, a, b), w, order));
            }

            p++;
        }
    }

    /// <summary>One piece of the common refinement, with the external subject holding it on each side.</summary>
    private readonly record struct Piece(IpInterval Addresses, int Before, int After);

    /// <summary>An address range of an external subject.</summary>
    private readonly record struct SubjectRange(IpInterval Addresses, int Subject);

    private static List<Piece> Refine(ReachabilityMatrix before, ReachabilityMatrix after)
    {
        var pieces = new List<Piece>();
        var beforeRanges = ExternalRanges(before);
        var afterRanges = ExternalRanges(after);
        foreach (var family in IpInterval.Families)
        {
            var left = beforeRanges.Where(r => r.Addresses.Family == family).ToList();
            var right = afterRanges.Where(r => r.Addresses.Family == family).ToList();
            int i = 0, j = 0;
            UInt128 at = 0;
            while (i < left.Count && j < right.Count)
            {
                // Both sides tile the family's space; a gap on one side (never produced by the evaluator) skips ahead.
                if (left[i].Addresses.Last < at)
                {
                    i++;
                    continue;
                }

                if (right[j].Addresses.Last < at)
                {
                    j++;
                    continue;
                }

                var rest = new IpInterval(family, at, IpInterval.MaxValue(family));
                if (left[i].Addresses.Intersect(right[j].Addresses)?.Intersect(rest) is { } common)
                    pieces.Add(new Piece(common, left[i].Subject, right[j].Subject));
                var end = UInt128.Min(left[i].Addresses.Last, right[j].Addresses.Last);
                if (end == IpInterval.MaxValue(family))
                    break;
                at = end + 1;
            }
        }

        return pieces;
    }

    private static List<SubjectRange> ExternalRanges(ReachabilityMatrix matrix)
    {
        var ranges = new List<SubjectRange>();
        for (var s = 0; s < matrix.Subjects.Length; s++)
        {
            if (!matrix.Subjects[s].IsExternal)
                continue;
            foreach (var range in matrix.Subjects[s].Ranges)
                ranges.Add(new SubjectRange(IpInterval.FromRange(range), s));
        }

        return [.. ranges.OrderBy(r => r.Addresses.First)];
    }

    private static Dictionary<string, int> WorkloadIndex(ReachabilityMatrix matrix)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < matrix.Subjects.Length; s++)
        {
            if (!matrix.Subjects[s].IsExternal)
                index[matrix.Subjects[s].Id] = s;
        }

        return index;
    }

    private static IEnumerable<string> WorkloadIds(ReachabilityMatrix matrix) =>
        matrix.Subjects.Where(s => !s.IsExternal).Select(s => s.Id);
}
