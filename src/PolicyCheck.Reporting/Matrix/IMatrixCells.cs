using System.Collections.Immutable;
using PolicyCheck.Core.Engine;

namespace PolicyCheck.Reporting.Matrix;

/// <summary>
/// The rows and columns of a matrix report and what each cell holds, whether they are subjects
/// (<see cref="FlatCells"/>) or equivalence groups (<see cref="GroupedCells"/>). Rows and columns are the same
/// positions, sources and destinations. Every matrix writer reads its cells here, so none decides for itself what a
/// group cell or a diagonal cell means; they only choose how to write it. Port members need the report's
/// <see cref="MatrixReport.Port"/>.
/// </summary>
internal interface IMatrixCells
{
    ReachabilityMatrix Matrix { get; }

    /// <summary>How many rows (and columns) there are.</summary>
    int Count { get; }

    /// <summary>Whether positions are groups: only the wording and the group listings of a writer depend on it.</summary>
    bool Grouped { get; }

    /// <summary>The subjects a position stands for, as indices into <see cref="ReachabilityMatrix.Subjects"/>; one for a subject.</summary>
    ImmutableArray<int> MembersOf(int position);

    /// <summary>The id a connection names a position by: the subject's id, or the group's (<c>g1</c>).</summary>
    string IdOf(int position);

    /// <summary>What the position <paramref name="from"/> may send <paramref name="to"/>; on the diagonal the subject to itself, or one member to another.</summary>
    PortSet Allowed(int from, int to);

    /// <summary><see cref="Allowed"/> from <paramref name="from"/> to every position, into <paramref name="into"/> (at least <see cref="Count"/> long).</summary>
    void AllowedRow(int from, Span<PortSet> into);

    /// <summary>What one pod of a position may send another, different pod of it; <c>null</c> where there is no second pod.</summary>
    PortSet? Within(int position);

    /// <summary>For a position that is one subject with several pods, what one replica may send another; else <c>null</c>.</summary>
    PortSet? BetweenReplicas(int position);

    /// <summary><see cref="Allowed"/> for the port query.</summary>
    bool IsPortAllowed(int from, int to);

    /// <summary><see cref="Within"/> for the port query.</summary>
    bool? IsPortAllowedWithin(int position);

    /// <summary><see cref="BetweenReplicas"/> for the port query.</summary>
    bool? IsPortAllowedBetweenReplicas(int position);

    /// <summary>How many ordered pairs of different subjects the cell stands for (none on a subject's own diagonal).</summary>
    long SubjectPairs(int from, int to);

    /// <summary>The subject that names a position: the subject itself, or a group's first member.</summary>
    Subject First(int position) => Matrix.Subjects[MembersOf(position)[0]];

    /// <summary>
    /// A cell as the tables for people show it: off the diagonal what is allowed; on it, what one pod may send another,
    /// different pod where there is one (a pod to itself is always allowed, so that cell would say nothing).
    /// </summary>
    PortSet TableCell(int row, int column) => row == column && Within(row) is { } within ? within : Allowed(row, column);

    /// <summary><see cref="TableCell"/> for the port query.</summary>
    bool TablePortCell(int row, int column) =>
        row == column && IsPortAllowedWithin(row) is { } within ? within : IsPortAllowed(row, column);
}
