using System.Collections.Immutable;
using PolicyCheck.Core.Engine;

namespace PolicyCheck.Reporting.Matrix;

/// <summary>
/// What to write: a computed matrix, the subjects to show (as rows and as columns, in this order) and, optionally,
/// one port that turns every cell into yes or no.
/// </summary>
/// <param name="Shown">Indices into <see cref="ReachabilityMatrix.Subjects"/>; each at most once.</param>
/// <param name="Port">When set, cells say whether this port is allowed instead of listing the allowed ports.</param>
/// <param name="Render">Layout for the formats read by people; <c>null</c> means <see cref="RenderOptions.Default"/>.</param>
public sealed record MatrixReport(ReachabilityMatrix Matrix, ImmutableArray<int> Shown, PortQuery? Port = null, RenderOptions? Render = null)
{
    /// <summary>A report showing every subject in the matrix's order.</summary>
    public static MatrixReport ForAll(ReachabilityMatrix matrix, PortQuery? port = null, RenderOptions? render = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return new MatrixReport(matrix, [.. Enumerable.Range(0, matrix.Subjects.Length)], port, render);
    }

    /// <summary><see cref="Render"/>, or the defaults.</summary>
    public RenderOptions Layout => Render ?? RenderOptions.Default;

    /// <summary>Rejects a report no writer can render faithfully: a subject out of range or shown twice, or ids that collide.</summary>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Matrix);
        if (Shown.IsDefault)
            throw new ArgumentException("The report's shown subjects are not set.", nameof(Shown));
        ArgumentOutOfRangeException.ThrowIfLessThan(Layout.Width, 1, nameof(RenderOptions.Width));
        var indices = new HashSet<int>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var index in Shown)
        {
            if (index < 0 || index >= Matrix.Subjects.Length)
                throw new ArgumentException($"Shown subject {index} is not in the matrix of {Matrix.Subjects.Length}.", nameof(Shown));
            if (!indices.Add(index))
                throw new ArgumentException($"Subject {index} is shown twice.", nameof(Shown));
            if (!ids.Add(Matrix.Subjects[index].Id))
                throw new ArgumentException($"Subject id '{Matrix.Subjects[index].Id}' is not unique.", nameof(Shown));
        }
    }

    /// <summary>The subject at a position of <see cref="Shown"/>.</summary>
    internal Subject SubjectAt(int position) => Matrix.Subjects[Shown[position]];

    /// <summary>What the matrix allows between two positions of <see cref="Shown"/>.</summary>
    internal PortSet Allowed(int row, int column) => Matrix.Allowed(Shown[row], Shown[column]);

    /// <summary>Whether <see cref="Port"/> is allowed between two positions of <see cref="Shown"/>.</summary>
    internal bool IsPortAllowed(int row, int column) => Port!.IsAllowed(Matrix, Shown[row], Shown[column]); // callers check Port first

    /// <summary>
    /// A cell as the tables for people show it: off the diagonal what is allowed; on it, for a workload with several
    /// pods, what one replica may send another (a pod to itself is always allowed, so that cell would say nothing).
    /// </summary>
    internal PortSet TableCell(int row, int column) =>
        row == column && Matrix.BetweenReplicas(Shown[row]) is { } between ? between : Allowed(row, column);

    /// <summary><see cref="TableCell"/> for <see cref="Port"/>.</summary>
    internal bool TablePortCell(int row, int column) =>
        row == column && Port!.IsAllowedBetweenReplicas(Matrix, Shown[row]) is { } between // callers check Port first
            ? between
            : IsPortAllowed(row, column);
}
