using System.Collections.Immutable;
using System.Globalization;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Engine;

/// <summary>
/// Shown subjects of a <see cref="ReachabilityMatrix"/> in equivalence groups: members of one group have identical
/// rows and columns (<see cref="ReachabilityMatrix.EquivalenceGroups"/> proves it), so the first member answers for
/// all of them. Groups come in order of their first member and members in shown order. Group <c>i</c> (from 0) is
/// called <c>g{i+1}</c>: <c>g1</c>, <c>g2</c>, …, which never collides with a subject id, since those contain
/// <c>/</c> or start with <c>ext:</c>. Besides forming the groups it answers what a group may send a group, so every
/// format that shows groups reads the same answer.
/// </summary>
public sealed class SubjectGroups
{
    /// <summary>Per group, its first member, which answers for the group off the diagonal.</summary>
    private readonly int[] _first;

    private SubjectGroups(ReachabilityMatrix matrix, ImmutableArray<ImmutableArray<int>> members, PortQuery? port)
    {
        Matrix = matrix;
        Members = members;
        Port = port;
        _first = new int[members.Length];
        for (var i = 0; i < members.Length; i++)
            _first[i] = members[i][0];
    }

    /// <summary>The matrix whose subjects the groups hold.</summary>
    public ReachabilityMatrix Matrix { get; }

    /// <summary>Per group, its members as indices into <see cref="ReachabilityMatrix.Subjects"/>.</summary>
    public ImmutableArray<ImmutableArray<int>> Members { get; }

    /// <summary>The port query the groups were formed for: a named port can split a group of the engine.</summary>
    public PortQuery? Port { get; }

    public int Count => Members.Length;

    /// <summary>
    /// Groups <paramref name="shown"/> as the engine does. With a query for a named port, a group is split further by
    /// what the name means on each member (protocol and number, or nothing), because the engine only tells apart
    /// port names that some policy uses, while the query resolves the name on every destination.
    /// </summary>
    public static SubjectGroups Of(ReachabilityMatrix matrix, ImmutableArray<int> shown, PortQuery? port = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (shown.IsDefault)
            throw new ArgumentException("The shown subjects are not set.", nameof(shown));
        var groups = matrix.EquivalenceGroups(shown);
        return port?.Name is null
            ? new SubjectGroups(matrix, groups, port)
            : new SubjectGroups(matrix, SplitByResolvedPort(matrix, shown, groups, port), port);
    }

    /// <summary><c>g1</c> for group 0.</summary>
    public static string IdOf(int group) => string.Create(CultureInfo.InvariantCulture, $"g{group + 1}");

    /// <summary>
    /// What any member of group <paramref name="from"/> may send any member of group <paramref name="to"/>. From a
    /// group to itself: with two or more members, what one member may send another; with one member, that subject to
    /// itself (everything for a workload, nothing for an external subject), as the ungrouped matrix has it.
    /// </summary>
    public PortSet Allowed(int from, int to)
    {
        var source = Members[from];
        if (from != to)
            return Matrix.Allowed(source[0], Members[to][0]);
        return source.Length > 1 ? Matrix.WithinGroup(source) : Matrix.Allowed(source[0], source[0]);
    }

    /// <summary>
    /// <see cref="Allowed"/> from group <paramref name="from"/> to every group, in group order, into
    /// <paramref name="into"/> (at least <see cref="Count"/> long).
    /// </summary>
    public void AllowedRow(int from, Span<PortSet> into)
    {
        Matrix.AllowedRow(_first[from], _first, into);
        into[from] = Allowed(from, from);
    }

    /// <summary>
    /// What one pod of the group may send another pod of it: between two members (two or more members, where a
    /// member's own replicas allow each other the same), or between replicas of the only member (one member with
    /// several pods, as <see cref="ReachabilityMatrix.BetweenReplicas"/>). <c>null</c> for one bare pod or one external subject.
    /// </summary>
    public PortSet? Within(int group)
    {
        var members = Members[group];
        return members.Length > 1 ? Matrix.WithinGroup(members) : Matrix.BetweenReplicas(members[0]);
    }

    /// <summary><see cref="Allowed"/> for <see cref="Port"/>, which must be set.</summary>
    public bool IsPortAllowed(int from, int to)
    {
        var port = RequirePort();
        var source = Members[from];
        if (from != to)
            return port.IsAllowed(Matrix, source[0], Members[to][0]);
        return source.Length > 1 ? IsPortAllowedBetweenMembers(port, source) : port.IsAllowed(Matrix, source[0], source[0]);
    }

    /// <summary><see cref="Within"/> for <see cref="Port"/>, which must be set.</summary>
    public bool? IsPortAllowedWithin(int group)
    {
        var port = RequirePort();
        var members = Members[group];
        return members.Length > 1 ? IsPortAllowedBetweenMembers(port, members) : port.IsAllowedBetweenReplicas(Matrix, members[0]);
    }

    /// <summary>
    /// How many ordered pairs of different subjects the cell from group <paramref name="from"/> to group
    /// <paramref name="to"/> stands for: every member of one with every member of the other, or inside one group every
    /// member with every other member.
    /// </summary>
    public long SubjectPairs(int from, int to)
    {
        long size = Members[from].Length;
        return from == to ? size * (size - 1) : size * Members[to].Length;
    }

    private PortQuery RequirePort() =>
        Port ?? throw new InvalidOperationException("The groups were formed without a port query.");

    /// <summary>Members of one group share the port's meaning (<see cref="Of"/> splits by it), so the first one answers.</summary>
    private bool IsPortAllowedBetweenMembers(PortQuery port, ImmutableArray<int> members) =>
        port.TryResolve(Matrix.Subjects[members[0]], out var protocol, out var number) &&
        Matrix.WithinGroup(members).Contains(protocol, number);

    private static ImmutableArray<ImmutableArray<int>> SplitByResolvedPort(
        ReachabilityMatrix matrix, ImmutableArray<int> shown, ImmutableArray<ImmutableArray<int>> groups, PortQuery port)
    {
        var parts = new List<ImmutableArray<int>>(groups.Length);
        var split = false;
        foreach (var group in groups)
        {
            if (group.Length == 1)
            {
                parts.Add(group);
                continue;
            }

            var byTarget = new Dictionary<(bool Resolved, Protocol Protocol, int Number), ImmutableArray<int>.Builder>();
            var order = new List<ImmutableArray<int>.Builder>();
            foreach (var member in group)
            {
                var resolved = port.TryResolve(matrix.Subjects[member], out var protocol, out var number);
                var key = (resolved, protocol, number);
                if (!byTarget.TryGetValue(key, out var part))
                {
                    byTarget[key] = part = ImmutableArray.CreateBuilder<int>();
                    order.Add(part);
                }

                part.Add(member);
            }

            split |= order.Count > 1;
            parts.AddRange(order.Select(p => p.ToImmutable()));
        }

        if (!split)
            return groups;

        // Parts of a split group may start after other groups did: restore the order of first members.
        var position = new Dictionary<int, int>(shown.Length);
        for (var i = 0; i < shown.Length; i++)
            position[shown[i]] = i;
        return [.. parts.OrderBy(p => position[p[0]])];
    }
}
