using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Engine;

/// <summary>
/// Phase 5 of an evaluation: per node, a group number such that nodes of one group have identical rows and
/// identical columns. Rows are equal when the row groups are (<see cref="CellTable.RowGroups"/>); columns are
/// equal when the <see cref="ColumnKey"/>s are: same kind, the same treatment by every stage as a destination,
/// the same named ports. Both are sufficient conditions, so groups are exact (though not always as large as they
/// could be). Two members of a group then also see each other as each sees itself across classes.
/// </summary>
internal static class EquivalenceGroups
{
    private const int NoNamedPorts = -1; // outside addresses have no container ports

    public static int[] Compute(StageChain chain, IReadOnlyList<WorkloadClass> classes, int[] rowGroups)
    {
        var layout = chain.Layout;
        var portLists = new SequenceInterner<(string Name, Protocol Protocol, int Number)>();
        var namedPorts = new int[classes.Count];
        for (var c = 0; c < classes.Count; c++)
        {
            namedPorts[c] = portLists.Intern([.. classes[c].NamedPorts
                .OrderBy(p => p.Key.Name, StringComparer.Ordinal).ThenBy(p => p.Key.Protocol)
                .Select(p => (p.Key.Name, p.Key.Protocol, p.Value))]);
        }

        var groups = new Dictionary<ColumnKey, int>();
        var result = new int[layout.Count];
        for (var b = 0; b < result.Length; b++)
        {
            var key = layout.IsExternal(b)
                ? new ColumnKey(rowGroups[b], NodeKind.External, chain.TargetGroups[b], NoNamedPorts)
                : new ColumnKey(rowGroups[b], classes[b].Kind, chain.TargetGroups[b], namedPorts[b]);
            if (!groups.TryGetValue(key, out var group))
                groups[key] = group = groups.Count;
            result[b] = group;
        }

        return result;
    }
}
