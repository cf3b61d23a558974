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

    // ---- groups: callers check Groups first ------------------------------------------------------------------

    /// <summary>The members of group <paramref name="group"/>.</summary>
    internal ImmutableArray<int> MembersOf(int group) => Groups!.Members[group];

    /// <summary>
    /// What any member of group <paramref name="from"/> may send any member of group <paramref name="to"/>. From a
    /// group to itself: with two or more members, what one member may send another; with one member, that subject to
    /// itself (everything for a workload, nothing for an external subject), as the ungrouped form has it.
    /// </summary>
    internal PortSet GroupAllowed(int from, int to)
    {
        var source = MembersOf(from);
        if (from != to)
            return Matrix.Allowed(source[0], MembersOf(to)[0]);
        return source.Length > 1 ? Matrix.WithinGroup(source) : Matrix.Allowed(source[0], source[0]);
    }

    /// <summary>
    /// What one pod of the group may send another pod of it: between two members (two or more members, where a
    /// member's own replicas allow each other the same), or between replicas of the only member (one member with
    /// several pods, as <see cref="ReachabilityMatrix.BetweenReplicas"/>). <c>null</c> for one bare pod or one external subject.
    /// </summary>
    internal PortSet? GroupWithin(int group)
    {
        var members = MembersOf(group);
        return members.Length > 1 ? Matrix.WithinGroup(members) : Matrix.BetweenReplicas(members[0]);
    }

    /// <summary><see cref="GroupAllowed"/> for <see cref="Port"/>.</summary>
    internal bool GroupPortAllowed(int from, int to)
    {
        var source = MembersOf(from);
        if (from != to)
            return Port!.IsAllowed(Matrix, source[0], MembersOf(to)[0]);
        return source.Length > 1 ? PortWithin(source) : Port!.IsAllowed(Matrix, source[0], source[0]);
    }

    /// <summary><see cref="GroupWithin"/> for <see cref="Port"/>.</summary>
    internal bool? GroupPortWithin(int group)
    {
        var members = MembersOf(group);
        return members.Length > 1 ? PortWithin(members) : Port!.IsAllowedBetweenReplicas(Matrix, members[0]);
    }

    /// <summary>A group cell as the tables for people show it: on the diagonal <see cref="GroupWithin"/> where there is one.</summary>
    internal PortSet GroupTableCell(int row, int column) =>
        row == column && GroupWithin(row) is { } within ? within : GroupAllowed(row, column);

    /// <summary><see cref="GroupTableCell"/> for <see cref="Port"/>.</summary>
    internal bool GroupTablePortCell(int row, int column) =>
        row == column && GroupPortWithin(row) is { } within ? within : GroupPortAllowed(row, column);

    private static string Describe(PortQuery? port) => port is null ? "no port" : $"port '{port}'";

    /// <summary>Members of one group share the port's meaning (<see cref="SubjectGroups.Of"/> splits by it), so the first one answers.</summary>
    private bool PortWithin(ImmutableArray<int> members) =>
        Port!.TryResolve(Matrix.Subjects[members[0]], out var protocol, out var number) &&
        Matrix.WithinGroup(members).Contains(protocol, number);
}
