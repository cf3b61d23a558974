using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Diff;

/// <summary>
/// Matches lint findings of two sides by rule ID, the object they are about and message, never by file or line:
/// lines shift with every edit, and the two sides may live under different paths. The object is the loaded
/// NetworkPolicy, workload, Service or Namespace whose document contains the finding's start (the innermost, if
/// several do), named by kind, namespace and name. Equal keys pair up one to one, so two identical findings before
/// and three after leave one introduced.
/// </summary>
public static class FindingDiff
{
    public static FindingDelta Compare(
        IReadOnlyList<Diagnostic> before, Cluster beforeCluster, IReadOnlyList<Diagnostic> after, Cluster afterCluster)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var beforeObjects = Objects(beforeCluster);
        var afterObjects = Objects(afterCluster);

        var unmatched = new Dictionary<(string, string, string), int>();
        foreach (var diagnostic in before)
        {
            var key = Key(diagnostic, beforeObjects);
            unmatched[key] = unmatched.GetValueOrDefault(key) + 1;
        }

        var introduced = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var diagnostic in after)
        {
            var key = Key(diagnostic, afterObjects);
            if (unmatched.GetValueOrDefault(key) > 0)
                unmatched[key]--;
            else
                introduced.Add(diagnostic);
        }

        var fixedOnes = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var diagnostic in before)
        {
            var key = Key(diagnostic, beforeObjects);
            if (unmatched.GetValueOrDefault(key) > 0)
            {
                unmatched[key]--;
                fixedOnes.Add(diagnostic);
            }
        }

        // Of several equal findings before, the first ones count as fixed; which of equals is reported does not matter.
        return new FindingDelta(introduced.ToImmutable(), fixedOnes.ToImmutable());
    }

    /// <summary>
    /// The object a finding is about, as <c>Kind namespace/name</c>, or the empty string when no loaded object's
    /// document contains it.
    /// </summary>
    public static string ObjectOf(Diagnostic diagnostic, Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return ObjectOf(diagnostic.Span, Objects(cluster));
    }

    private static (string, string, string) Key(Diagnostic diagnostic, ILookup<string, (SourceSpan Span, string Name)> objects) =>
        (diagnostic.Id, ObjectOf(diagnostic.Span, objects), diagnostic.Message);

    private static string ObjectOf(SourceSpan span, ILookup<string, (SourceSpan Span, string Name)> objects)
    {
        if (span.IsNone)
            return string.Empty;
        var best = string.Empty;
        var bestSize = long.MaxValue;
        foreach (var (objectSpan, name) in objects[span.Path])
        {
            if (!Contains(objectSpan, span))
                continue;
            var size = ((long)objectSpan.EndLine - objectSpan.Line) * 100_000 + (objectSpan.EndColumn - objectSpan.Column);
            if (size < bestSize)
                (best, bestSize) = (name, size);
        }

        return best;
    }

    private static bool Contains(SourceSpan outer, SourceSpan inner) =>
        (inner.Line, inner.Column).CompareTo((outer.Line, outer.Column)) >= 0 &&
        (inner.Line, inner.Column).CompareTo((outer.EndLine, outer.EndColumn)) <= 0;

    /// <summary>The objects' spans and names by file: each finding is then matched within its own file only.</summary>
    private static ILookup<string, (SourceSpan Span, string Name)> Objects(Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var objects = new List<(SourceSpan, string)>();
        foreach (var policy in cluster.Policies)
            objects.Add((policy.Span, $"NetworkPolicy {policy.Namespace}/{policy.Name}"));
        foreach (var workload in cluster.Workloads)
            objects.Add((workload.Span, $"{workload.Kind} {workload.Namespace}/{workload.Name}"));
        foreach (var service in cluster.Services)
            objects.Add((service.Span, $"Service {service.Namespace}/{service.Name}"));
        foreach (var ns in cluster.Namespaces)
            objects.Add((ns.Span, $"Namespace {ns.Name}"));
        return objects.Where(o => !o.Item1.IsNone).ToLookup(o => o.Item1.Path, StringComparer.Ordinal);
    }
}
