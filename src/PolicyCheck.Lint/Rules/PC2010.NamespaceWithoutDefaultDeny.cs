using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// A namespace with workloads where no policy with an empty <c>podSelector</c> isolates a direction without
/// allowing everything back: workloads added later start open in that direction. A policy counts as the default
/// deny when its podSelector is written <c>{}</c> (or left out), it applies to the direction, and none of its rules
/// of that direction matches every peer on every port; rules that allow some traffic (say, from the same namespace)
/// keep it a default deny, since everything else stays denied. Only the as-written selector counts: a selector that
/// happens to match today's pods does not cover tomorrow's. hostNetwork workloads are not governed by policies and
/// do not count. One finding per namespace and direction, anchored on the namespace itself: at the Namespace object
/// when the inputs declare it, else at the namespace's first NetworkPolicy in file order (where a default deny would
/// go), else at its first workload in file order (by path, then line), never at whichever sorts first by name.
/// </summary>
public sealed class NamespaceWithoutDefaultDeny : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.NamespaceWithoutDefaultDeny,
        Name: nameof(NamespaceWithoutDefaultDeny),
        Title: "Namespace without a default deny",
        MessageFormat: "Namespace '{0}' has {1} workload(s) but no NetworkPolicy with an empty podSelector that " +
                       "isolates {2}, so workloads added later are open for {2}; add a default deny for {2} " +
                       "(podSelector {{}}, policyTypes [{2}], no {3} rules) and allow what is needed on top.",
        Category: RuleCategory.Security,
        DefaultSeverity: Severity.Note);

    public override RuleMetadata Metadata { get; } = RuleMetadata.Security(3.0);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var byNamespace = new Dictionary<string, List<Workload>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var workload in context.Cluster.Workloads)
        {
            if (context.Ungoverned(workload))
                continue;
            if (!byNamespace.TryGetValue(workload.Namespace, out var list))
            {
                byNamespace[workload.Namespace] = list = [];
                order.Add(workload.Namespace);
            }

            list.Add(workload);
        }

        foreach (var ns in order)
        {
            var workloads = byNamespace[ns];
            var span = Anchor(context, ns, workloads);
            foreach (var direction in (ReadOnlySpan<Direction>)[Direction.Ingress, Direction.Egress])
            {
                if (!context.Cluster.Policies.Any(p => p.Namespace == ns && IsDefaultDeny(p, direction)))
                    context.Report(Descriptor, span, ns, workloads.Count, direction, direction.ToString().ToLowerInvariant());
            }
        }
    }

    /// <summary>The Namespace object, else the namespace's first policy, else its first workload, in file order.</summary>
    private static SourceSpan Anchor(LintContext context, string ns, List<Workload> workloads)
    {
        if (context.Cluster.Namespaces.FirstOrDefault(n => n.Name == ns && n.Declared && !n.Span.IsNone) is { } declared)
            return declared.Span;
        var policy = FirstInFile(context.PoliciesIn(ns).Select(p => p.Span));
        return policy ?? FirstInFile(workloads.Select(w => w.Span)) ?? workloads[0].Span;
    }

    private static SourceSpan? FirstInFile(IEnumerable<SourceSpan> spans) =>
        spans.Where(s => !s.IsNone)
            .OrderBy(s => s.Path, StringComparer.Ordinal).ThenBy(s => s.Line).ThenBy(s => s.Column)
            .Select(s => (SourceSpan?)s)
            .FirstOrDefault();

    private static bool IsDefaultDeny(NetworkPolicy policy, Direction direction) =>
        policy.PodSelector.IsEmpty && policy.Affects(direction) &&
        !policy.Rules(direction).Any(r => r.MatchesAllPeers && r.MatchesAllPorts);
}
