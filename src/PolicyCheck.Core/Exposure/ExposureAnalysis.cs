using System.Collections.Immutable;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Exposure;

/// <summary>
/// Says how far workloads are open, from a computed matrix. For a workload T, with "may reach T on p" meaning that
/// the matrix allows p from the caller to T (the caller's egress and T's ingress both allow it):
/// <list type="bullet">
/// <item><b>Open to the whole cluster</b> on p: every other workload subject may reach T on p. T itself and its own
/// replicas do not count, and neither do outside addresses. With no other workload, nothing is open this way.</item>
/// <item><b>Open to all namespaces</b> on p: some namespace other than T's own holds a workload, and in every
/// namespace that holds a workload other than T (T's own included), at least one such workload may reach T on p.
/// When every other workload lives in T's namespace (an input of one namespace), nothing is open this way: being
/// reachable from its own namespace says nothing about other namespaces.</item>
/// <item><b>Open to outside addresses</b> on p: some external subject may reach T on p; each such subject is listed
/// with its ports. <b>Open to every outside address</b> on p: every external subject may reach T on p.</item>
/// <item><b>Not isolated</b> for ingress or egress: no policy of that type selects T, so that direction allows
/// everything.</item>
/// </list>
/// Traffic through node addresses (NodePort, kubelet) is not a subject of the matrix and not counted.
/// </summary>
public static class ExposureAnalysis
{
    /// <summary>Analyses every workload subject of <paramref name="matrix"/>, in subject order.</summary>
    public static ExposureReport Analyze(ReachabilityMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return Analyze(matrix, Enumerable.Range(0, matrix.Subjects.Length));
    }

    /// <summary>
    /// Analyses the workloads among <paramref name="targets"/> (external subjects are skipped), in that order. The
    /// callers are always every subject of the matrix, whatever the targets are.
    /// </summary>
    public static ExposureReport Analyze(ReachabilityMatrix matrix, IEnumerable<int> targets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(targets);
        var callers = CallerGroups.Of(matrix);
        var result = ImmutableArray.CreateBuilder<SubjectExposure>();
        foreach (var target in targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ArgumentOutOfRangeException.ThrowIfNegative(target);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(target, matrix.Subjects.Length);
            if (!matrix.Subjects[target].IsExternal)
                result.Add(Exposure(matrix, callers, target));
        }

        return new ExposureReport(matrix, result.ToImmutable(), callers.Workloads, callers.Namespaces.Length, callers.Externals.Length);
    }

    private static SubjectExposure Exposure(ReachabilityMatrix matrix, CallerGroups callers, int target)
    {
        var cluster = PortSet.All;
        var anyOther = false;
        var namespaces = PortSet.All;
        var otherNamespace = false;
        var own = matrix.Subjects[target].Namespace ?? string.Empty;
        foreach (var (ns, groups) in callers.Namespaces)
        {
            var inNamespace = PortSet.None;
            var anyInNamespace = false;
            foreach (var group in groups)
            {
                // Members of one group share their cells with every other subject, so any member but the target speaks for all.
                var caller = group.First != target ? group.First : group.Second;
                if (caller < 0)
                    continue;
                var allowed = matrix.Allowed(caller, target);
                anyInNamespace = true;
                cluster = Intersect(cluster, allowed);
                inNamespace = Union(inNamespace, allowed);
            }

            if (!anyInNamespace)
                continue;
            anyOther = true;
            otherNamespace |= !string.Equals(ns, own, StringComparison.Ordinal);
            namespaces = Intersect(namespaces, inNamespace);
        }

        var outside = PortSet.None;
        var everyOutside = callers.Externals.Length > 0 ? PortSet.All : PortSet.None;
        var sources = ImmutableArray.CreateBuilder<OutsideSource>();
        foreach (var external in callers.Externals)
        {
            var allowed = matrix.Allowed(external, target);
            everyOutside = Intersect(everyOutside, allowed);
            if (allowed.IsEmpty)
                continue;
            outside = Union(outside, allowed);
            sources.Add(new OutsideSource(external, allowed));
        }

        return new SubjectExposure(
            target,
            anyOther ? cluster : PortSet.None,
            otherNamespace ? namespaces : PortSet.None,
            outside,
            everyOutside,
            sources.ToImmutable(),
            matrix.IsIsolated(target, Direction.Ingress),
            matrix.IsIsolated(target, Direction.Egress));
    }

    // The matrix interns its cells, so equal sets are often the same instance: skip the work then.
    private static PortSet Intersect(PortSet a, PortSet b) =>
        ReferenceEquals(a, b) || b.IsAll ? a : a.IsAll ? b : a.IsEmpty ? a : a.Intersect(b);

    private static PortSet Union(PortSet a, PortSet b) =>
        ReferenceEquals(a, b) || b.IsEmpty ? a : a.IsEmpty ? b : a.IsAll ? a : a.Union(b);

    /// <summary>
    /// The callers, grouped so that each target needs one lookup per (namespace, equivalence class) rather than one
    /// per workload: subjects of one class allow and are allowed the same, so a group needs only two members (a
    /// second one stands in when the first is the target itself).
    /// </summary>
    private sealed record CallerGroups(ImmutableArray<(string Namespace, ImmutableArray<CallerGroup> Groups)> Namespaces, ImmutableArray<int> Externals, int Workloads)
    {
        public static CallerGroups Of(ReachabilityMatrix matrix)
        {
            var byNamespace = new SortedDictionary<string, Dictionary<int, CallerGroup>>(StringComparer.Ordinal);
            var externals = ImmutableArray.CreateBuilder<int>();
            var workloads = 0;
            for (var i = 0; i < matrix.Subjects.Length; i++)
            {
                var subject = matrix.Subjects[i];
                if (subject.IsExternal)
                {
                    externals.Add(i);
                    continue;
                }

                workloads++;
                var ns = subject.Namespace ?? string.Empty;
                if (!byNamespace.TryGetValue(ns, out var groups))
                    byNamespace[ns] = groups = [];
                var cls = matrix.ClassOf(i);
                groups[cls] = groups.TryGetValue(cls, out var group)
                    ? group.Second < 0 ? group with { Second = i } : group
                    : new CallerGroup(i, -1);
            }

            return new CallerGroups(
                [.. byNamespace.Select(g => (Namespace: g.Key, Groups: g.Value.Values.ToImmutableArray()))],
                externals.ToImmutable(),
                workloads);
        }
    }

    /// <summary>Up to two workloads of one namespace and class; <see cref="Second"/> is -1 when there is only one.</summary>
    private readonly record struct CallerGroup(int First, int Second);
}
