using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using PolicyCheck.Core.Engine;

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
        for (var f = 0; f < workloads.Count; f++)
        {
            for (var t = 0; t < workloads.Count; t++)
            {
                var was = Cell(before, ids[f].Before, ids[t].Before);
                var now = Cell(after, ids[f].After, ids[t].After);
                if (Differ(was, now))
                    changes.Add((Change(workloads[f], workloads[t], was, now), f, t));
            }
        }

        var pieces = Refine(before, after);
        for (var w = 0; w < workloads.Count; w++)
        {
            AddExternalChanges(changes, workloads[w], w, workloads.Count, pieces, inbound: true,
                p => Cell(before, pieces[p].Before, ids[w].Before), p => Cell(after, pieces[p].After, ids[w].After));
            AddExternalChanges(changes, workloads[w], w, workloads.Count, pieces, inbound: false,
                p => Cell(before, ids[w].Before, pieces[p].Before), p => Cell(after, ids[w].After, pieces[p].After));
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

    private static ConnectionChange Change(string from, string to, PortSet was, PortSet now) =>
        new(from, to, was.IsEmpty ? null : was, now.IsEmpty ? null : now);

    /// <summary>
    /// Walks the pieces in address order and reports runs of neighbouring pieces with the same change as one range.
    /// Pieces tile each family's address space, so neighbours in the list touch unless the family changes.
    /// </summary>
    private static void AddExternalChanges(
        List<(ConnectionChange Change, int From, int To)> changes,
        string workload,
        int workloadOrder,
        int workloadCount,
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
            while (p + 1 < pieces.Count && pieces[p + 1].Family == pieces[first].Family &&
                   pieces[p + 1].First == pieces[p].Last + 1 && was(p + 1).Equals(a) && now(p + 1).Equals(b))
                p++;
            var range = "ext:" + new IpRange(
                ToAddress(pieces[first].First, pieces[first].Family),
                ToAddress(pieces[p].Last, pieces[p].Family));
            var order = workloadCount + first;
            changes.Add(inbound
                ? (Change(range, workload, a, b), order, workloadOrder)
                : (Change(workload, range, a, b), workloadOrder, order));
            p++;
        }
    }

    /// <summary>One piece of the common refinement, with the external subject holding it on each side.</summary>
    private readonly record struct Piece(AddressFamily Family, UInt128 First, UInt128 Last, int Before, int After);

    private static List<Piece> Refine(ReachabilityMatrix before, ReachabilityMatrix after)
    {
        var pieces = new List<Piece>();
        var beforeRanges = ExternalRanges(before);
        var afterRanges = ExternalRanges(after);
        foreach (var family in (ReadOnlySpan<AddressFamily>)[AddressFamily.InterNetwork, AddressFamily.InterNetworkV6])
        {
            var left = beforeRanges.Where(r => r.Family == family).ToList();
            var right = afterRanges.Where(r => r.Family == family).ToList();
            int i = 0, j = 0;
            UInt128 at = 0;
            var max = family == AddressFamily.InterNetwork ? (UInt128)uint.MaxValue : UInt128.MaxValue;
            while (i < left.Count && j < right.Count)
            {
                // Both sides tile the family's space; a gap on one side (never produced by the evaluator) skips ahead.
                if (left[i].Last < at)
                {
                    i++;
                    continue;
                }

                if (right[j].Last < at)
                {
                    j++;
                    continue;
                }

                var start = UInt128.Max(at, UInt128.Max(left[i].First, right[j].First));
                var end = UInt128.Min(left[i].Last, right[j].Last);
                if (start <= end)
                    pieces.Add(new Piece(family, start, end, left[i].Subject, right[j].Subject));
                if (end == max)
                    break;
                at = end + 1;
            }
        }

        return pieces;
    }

    private static List<(AddressFamily Family, UInt128 First, UInt128 Last, int Subject)> ExternalRanges(ReachabilityMatrix matrix)
    {
        var ranges = new List<(AddressFamily, UInt128, UInt128, int)>();
        for (var s = 0; s < matrix.Subjects.Length; s++)
        {
            if (!matrix.Subjects[s].IsExternal)
                continue;
            foreach (var range in matrix.Subjects[s].Ranges)
                ranges.Add((range.First.AddressFamily, ToNumber(range.First), ToNumber(range.Last), s));
        }

        return [.. ranges.OrderBy(r => r.Item2)];
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

    private static UInt128 ToNumber(IPAddress address)
    {
        UInt128 value = 0;
        foreach (var b in address.GetAddressBytes())
            value = (value << 8) | b;
        return value;
    }

    private static IPAddress ToAddress(UInt128 value, AddressFamily family)
    {
        var bytes = new byte[family == AddressFamily.InterNetwork ? 4 : 16];
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(value & 0xFF);
            value >>= 8;
        }

        return new IPAddress(bytes);
    }
}
