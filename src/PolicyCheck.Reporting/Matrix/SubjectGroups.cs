using System.Collections.Immutable;
using System.Globalization;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Reporting.Matrix;

/// <summary>
/// The shown subjects in equivalence groups, for <c>--group-equivalent</c>: members of one group have identical rows
/// and columns (the engine proves it), so the first member answers for all of them. Groups come in order of their
/// first member and members in shown order. Group <c>i</c> (from 0) is called <c>g{i+1}</c>: <c>g1</c>, <c>g2</c>, …,
/// which never collides with a subject id, since those contain <c>/</c> or start with <c>ext:</c>.
/// </summary>
public sealed class SubjectGroups
{
    private SubjectGroups(ImmutableArray<ImmutableArray<int>> members, PortQuery? port)
    {
        Members = members;
        Port = port;
    }

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
            ? new SubjectGroups(groups, port)
            : new SubjectGroups(SplitByResolvedPort(matrix, shown, groups, port), port);
    }

    /// <summary><c>g1</c> for group 0.</summary>
    public static string IdOf(int group) => string.Create(CultureInfo.InvariantCulture, $"g{group + 1}");

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
