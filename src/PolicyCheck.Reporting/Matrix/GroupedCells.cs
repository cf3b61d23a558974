using System.Collections.Immutable;
using PolicyCheck.Core.Engine;

namespace PolicyCheck.Reporting.Matrix;

/// <summary>
/// Cells between equivalence groups, position <c>i</c> being group <c>g{i+1}</c>; what they hold is
/// <see cref="SubjectGroups"/>' answer. Only a group of one has replicas of its own to report apart from
/// <see cref="Within"/>, as the ungrouped diagonal does.
/// </summary>
internal sealed class GroupedCells(SubjectGroups groups) : IMatrixCells
{
    public ReachabilityMatrix Matrix => groups.Matrix;

    public int Count => groups.Count;

    public bool Grouped => true;

    public ImmutableArray<int> MembersOf(int position) => groups.Members[position];

    public string IdOf(int position) => SubjectGroups.IdOf(position);

    public PortSet Allowed(int from, int to) => groups.Allowed(from, to);

    public void AllowedRow(int from, Span<PortSet> into) => groups.AllowedRow(from, into);

    public PortSet? Within(int position) => groups.Within(position);

    public PortSet? BetweenReplicas(int position) =>
        groups.Members[position] is [var only] ? groups.Matrix.BetweenReplicas(only) : null;

    public bool IsPortAllowed(int from, int to) => groups.IsPortAllowed(from, to);

    public bool? IsPortAllowedWithin(int position) => groups.IsPortAllowedWithin(position);

    public bool? IsPortAllowedBetweenReplicas(int position) =>
        groups.Members[position] is [var only] ? Port.IsAllowedBetweenReplicas(groups.Matrix, only) : null;

    public long SubjectPairs(int from, int to) => groups.SubjectPairs(from, to);

    private PortQuery Port => groups.Port ?? throw new InvalidOperationException("The groups were formed without a port query.");
}
