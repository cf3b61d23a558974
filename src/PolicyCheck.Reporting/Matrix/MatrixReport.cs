using System.Collections.Immutable;
using PolicyCheck.Core.Engine;

namespace PolicyCheck.Reporting.Matrix;

/// <summary>
/// What to write: a computed matrix, the subjects to show (as rows and as columns, in this order) and, optionally,
/// one port that turns every cell into yes or no, and equivalence groups that stand in for the subjects.
/// </summary>
/// <param name="Shown">Indices into <see cref="ReachabilityMatrix.Subjects"/>; each at most once.</param>
/// <param name="Port">When set, cells say whether this port is allowed instead of listing the allowed ports.</param>
/// <param name="Render">Layout for the formats read by people; <c>null</c> means <see cref="RenderOptions.Default"/>.</param>
/// <param name="Groups">
/// When set, the formats that can (table, JSON, Markdown) show these groups of <paramref name="Shown"/> as rows and
/// columns instead of the subjects; <see cref="Grouped"/> forms them. They must partition exactly the shown subjects
/// and be formed for the same <paramref name="Port"/>.
/// </param>
public sealed record MatrixReport(
    ReachabilityMatrix Matrix,
    ImmutableArray<int> Shown,
    PortQuery? Port = null,
    RenderOptions? Render = null,
    SubjectGroups? Groups = null)
{
    /// <summary>A report showing every subject in the matrix's order.</summary>
    public static MatrixReport ForAll(ReachabilityMatrix matrix, PortQuery? port = null, RenderOptions? render = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return new MatrixReport(matrix, [.. Enumerable.Range(0, matrix.Subjects.Length)], port, render);
    }

    /// <summary>This report with the shown subjects in their equivalence groups (<c>--group-equivalent</c>).</summary>
    public MatrixReport Grouped() => this with { Groups = SubjectGroups.Of(Matrix, Shown, Port) };

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

        if (Groups is not null)
        {
            if (!ReferenceEquals(Groups.Matrix, Matrix))
                throw new ArgumentException("The groups were formed for another matrix than the report's.", nameof(Groups));
            if (Groups.Port != Port)
            {
                throw new ArgumentException(
                    $"The groups were formed for {Describe(Groups.Port)}, but the report asks about {Describe(Port)}.", nameof(Groups));
            }

            var grouped = new HashSet<int>();
            foreach (var members in Groups.Members)
            {
                if (members.IsDefaultOrEmpty)
                    throw new ArgumentException("A group has no members.", nameof(Groups));
                foreach (var member in members)
                {
                    if (!indices.Contains(member))
                        throw new ArgumentException($"Group member {member} is not a shown subject.", nameof(Groups));
                    if (!grouped.Add(member))
                        throw new ArgumentException($"Subject {member} is in more than one group.", nameof(Groups));
                }
            }

            if (grouped.Count != indices.Count)
                throw new ArgumentException($"The groups hold {grouped.Count} of the {indices.Count} shown subjects.", nameof(Groups));
        }
    }

    /// <summary>Rejects a report whose groups, if any, a writer that cannot show groups was asked to write.</summary>
    internal void RejectGroups(string format)
    {
        if (Groups is not null)
            throw new ArgumentException($"The {format} format cannot show groups; write the report without them.");
    }

    /// <summary>
    /// The rows, columns and cells to write: the shown subjects, or the groups when <see cref="Groups"/> is set. Call
    /// after <see cref="Validate"/>.
    /// </summary>
    internal IMatrixCells Cells() => Groups is null ? new FlatCells(Matrix, Shown, Port) : new GroupedCells(Groups);

    private static string Describe(PortQuery? port) => port is null ? "no port" : $"port '{port}'";
}
