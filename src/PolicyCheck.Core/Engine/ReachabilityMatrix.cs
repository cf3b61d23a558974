using System.Collections.Immutable;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Engine;

/// <summary>
/// The evaluated result: for every ordered pair of subjects, the set of (protocol, port) the policies allow.
/// Subjects in one equivalence class share their cells. A row of classes is a shared base pattern (a few exist,
/// stored as runs) plus the sorted columns where the row differs from it, each cell an interned port set, so
/// memory grows with classes and what their rules touch, not with the square of the pods.
/// </summary>
public sealed class ReachabilityMatrix
{
    private readonly int[] _subjectClass;
    private readonly RowPattern[] _bases;
    private readonly int[] _rowBase;
    private readonly int[][] _overrideColumns;
    private readonly int[][] _overrideValues;
    private readonly PortSet[] _portSets;
    private readonly bool[] _ingressIsolated;
    private readonly bool[] _egressIsolated;
    private readonly int[] _subjectGroup;

    /// <param name="subjectClass">The class of each subject.</param>
    /// <param name="bases">Shared row patterns.</param>
    /// <param name="rowBase">Per row class: its pattern.</param>
    /// <param name="overrideColumns">Per row class: ascending column classes whose cell differs from the pattern.</param>
    /// <param name="overrideValues">Per row class: the port-set index of each of those cells.</param>
    /// <param name="portSets">Interned port sets; index 0 must be <see cref="PortSet.None"/>.</param>
    internal ReachabilityMatrix(
        ImmutableArray<Subject> subjects,
        int[] subjectClass,
        RowPattern[] bases,
        int[] rowBase,
        int[][] overrideColumns,
        int[][] overrideValues,
        PortSet[] portSets,
        bool[] ingressIsolated,
        bool[] egressIsolated,
        int[] subjectGroup)
    {
        Subjects = subjects;
        _subjectClass = subjectClass;
        _bases = bases;
        _rowBase = rowBase;
        _overrideColumns = overrideColumns;
        _overrideValues = overrideValues;
        _portSets = portSets;
        _ingressIsolated = ingressIsolated;
        _egressIsolated = egressIsolated;
        _subjectGroup = subjectGroup;
        ClassCount = rowBase.Length;
    }

    public ImmutableArray<Subject> Subjects { get; }

    /// <summary>The network plugin model the matrix was evaluated under.</summary>
    public EvaluationOptions Options { get; init; } = EvaluationOptions.Default;

    /// <summary>How many equivalence classes the subjects fell into.</summary>
    public int ClassCount { get; }

    /// <summary>How many distinct port sets occur in the result (including the empty one).</summary>
    public int DistinctPortSets => _portSets.Length;

    /// <summary>The class of a subject: subjects of one class have identical rows and columns.</summary>
    public int ClassOf(int subject) => _subjectClass[subject];

    /// <summary>What traffic from <paramref name="from"/> to <paramref name="to"/> the policies allow. A subject to itself is always allowed.</summary>
    public PortSet Allowed(int from, int to) => from == to && !Subjects[from].IsExternal
        ? PortSet.All
        : _portSets[CellIndex(_subjectClass[from], _subjectClass[to])];

    /// <summary>
    /// <see cref="Allowed"/> from <paramref name="from"/> to each of <paramref name="to"/>, into the same positions of
    /// <paramref name="into"/>: one row read at once, so a writer going over millions of cells looks the source's row
    /// up once instead of per cell.
    /// </summary>
    public void AllowedRow(int from, ReadOnlySpan<int> to, Span<PortSet> into)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(into.Length, to.Length, nameof(into));
        var fromClass = _subjectClass[from];
        var columns = _overrideColumns[fromClass];
        var values = _overrideValues[fromClass];
        var pattern = _bases[_rowBase[fromClass]];
        var toItself = !Subjects[from].IsExternal;
        for (var i = 0; i < to.Length; i++)
        {
            var subject = to[i];
            if (subject == from && toItself)
            {
                into[i] = PortSet.All;
                continue;
            }

            var toClass = _subjectClass[subject];
            var at = Array.BinarySearch(columns, toClass);
            into[i] = _portSets[at >= 0 ? values[at] : pattern.At(toClass)];
        }
    }

    /// <summary>
    /// For a workload with several pods, what one of its pods may send another (governed by the policies like any
    /// other pair); <c>null</c> for a single pod or an external subject.
    /// </summary>
    public PortSet? BetweenReplicas(int subject)
    {
        var s = Subjects[subject];
        if (s.Workload is not { HasSeveralPods: true })
            return null;
        var c = _subjectClass[subject];
        return _portSets[CellIndex(c, c)];
    }

    /// <summary>
    /// Partitions <paramref name="shown"/> into groups of subjects with identical rows and columns: for members
    /// s ≠ t of one group and any subject x outside it, Allowed(s, x) = Allowed(t, x) and Allowed(x, s) =
    /// Allowed(x, t), and any two distinct members allow each other what <see cref="WithinGroup"/> says. Groups
    /// come in order of their first member; members keep the order of <paramref name="shown"/>.
    /// </summary>
    public ImmutableArray<ImmutableArray<int>> EquivalenceGroups(IEnumerable<int> shown)
    {
        ArgumentNullException.ThrowIfNull(shown);
        var order = new List<int>();
        var members = new Dictionary<int, ImmutableArray<int>.Builder>();
        foreach (var subject in shown)
        {
            var group = _subjectGroup[subject];
            if (!members.TryGetValue(group, out var list))
            {
                members[group] = list = ImmutableArray.CreateBuilder<int>();
                order.Add(group);
            }

            list.Add(subject);
        }

        return [.. order.Select(g => members[g].ToImmutable())];
    }

    /// <summary>What one member of a group may send another, distinct member (the group's own cell).</summary>
    public PortSet WithinGroup(ImmutableArray<int> group)
    {
        ArgumentOutOfRangeException.ThrowIfZero(group.Length);
        return _portSets[CellIndex(_subjectClass[group[0]], _subjectClass[group[^1]])];
    }

    /// <summary>Whether some policy of that type selects the subject, so the direction allows only what rules allow.</summary>
    public bool IsIsolated(int subject, Direction direction) =>
        direction == Direction.Ingress ? _ingressIsolated[subject] : _egressIsolated[subject];

    /// <summary>Every ordered pair with something allowed, row by row in subject order; the diagonal is included.</summary>
    public IEnumerable<Connection> Connections() => Enumerable.Range(0, Subjects.Length).SelectMany(ConnectionsFrom);

    /// <summary>Every connection from one subject (one row).</summary>
    public IEnumerable<Connection> ConnectionsFrom(int from)
    {
        for (var to = 0; to < Subjects.Length; to++)
        {
            var allowed = Allowed(from, to);
            if (!allowed.IsEmpty)
                yield return new Connection(from, to, Subjects[from], Subjects[to], allowed);
        }
    }

    /// <summary>The index of the subject with that id, or -1.</summary>
    public int IndexOf(string id)
    {
        for (var i = 0; i < Subjects.Length; i++)
        {
            if (Subjects[i].Id == id)
                return i;
        }

        return -1;
    }

    /// <summary>
    /// A matrix given cell by cell, for writers' tests and for results read back from JSON. Pairs not listed allow
    /// nothing; every subject is its own class and is reported as not isolated unless listed in the isolation sets.
    /// </summary>
    public static ReachabilityMatrix FromConnections(
        ImmutableArray<Subject> subjects,
        IEnumerable<(int From, int To, PortSet Allowed)> connections,
        IReadOnlySet<int>? ingressIsolated = null,
        IReadOnlySet<int>? egressIsolated = null)
    {
        ArgumentNullException.ThrowIfNull(connections);
        var n = subjects.Length;
        var cells = new Dictionary<(int, int), PortSet>();
        foreach (var (from, to, allowed) in connections)
            cells[(from, to)] = allowed;
        var interned = new Dictionary<PortSet, int> { [PortSet.None] = 0 };
        var sets = new List<PortSet> { PortSet.None };
        var columns = new int[n][];
        var values = new int[n][];
        for (var row = 0; row < n; row++)
        {
            var rowColumns = new List<int>();
            var rowValues = new List<int>();
            for (var col = 0; col < n; col++)
            {
                var set = cells.GetValueOrDefault((row, col), PortSet.None);
                if (set.IsEmpty)
                    continue;
                if (!interned.TryGetValue(set, out var id))
                {
                    id = sets.Count;
                    interned[set] = id;
                    sets.Add(set);
                }

                rowColumns.Add(col);
                rowValues.Add(id);
            }

            columns[row] = [.. rowColumns];
            values[row] = [.. rowValues];
        }

        return new ReachabilityMatrix(
            subjects,
            [.. Enumerable.Range(0, n)],
            [RowPattern.Uniform(0)],
            new int[n],
            columns,
            values,
            [.. sets],
            [.. Enumerable.Range(0, n).Select(i => ingressIsolated?.Contains(i) ?? false)],
            [.. Enumerable.Range(0, n).Select(i => egressIsolated?.Contains(i) ?? false)],
            [.. Enumerable.Range(0, n)]);
    }

    private int CellIndex(int fromClass, int toClass)
    {
        var columns = _overrideColumns[fromClass];
        var at = Array.BinarySearch(columns, toClass);
        return at >= 0 ? _overrideValues[fromClass][at] : _bases[_rowBase[fromClass]].At(toClass);
    }
}
