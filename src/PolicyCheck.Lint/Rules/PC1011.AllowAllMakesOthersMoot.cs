using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// A rule that allows everything (no peers and no ports, as in <c>ingress: [{}]</c>) in a policy that selects pods
/// which other policies of the namespace restrict in that direction: policies add up, so those restrictions have
/// no effect on the shared pods. Reported once per allow-all rule, with the restricting policies as related
/// locations; overlap is judged on the workloads of the inputs.
/// </summary>
public sealed class AllowAllMakesOthersMoot : LintRule
{
    private const int NamesShown = 3;

    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.AllowAllMakesOthersMoot,
        Name: nameof(AllowAllMakesOthersMoot),
        Title: "Allow-all rule makes other policies' restrictions moot",
        MessageFormat: "NetworkPolicy '{0}' allows all {1} traffic of the pods it selects, so the {1} rules of {2} " +
                       "have no effect on {3}; narrow this rule, or stop selecting those pods here.",
        Category: RuleCategory.Correctness,
        DefaultSeverity: Severity.Note);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var policy in context.Cluster.Policies)
        {
            foreach (var direction in (ReadOnlySpan<Direction>)[Direction.Ingress, Direction.Egress])
            {
                if (!policy.Affects(direction) || AllowAll(policy, direction) is not { } rule)
                    continue;
                var pods = context.WorkloadsSelected(policy.Namespace, policy.PodSelector).ToList();
                if (pods.Count == 0)
                    continue;
                var others = context.Cluster.Policies
                    .Where(p => !ReferenceEquals(p, policy) && p.Namespace == policy.Namespace && p.Affects(direction) &&
                                AllowAll(p, direction) is null && pods.Exists(w => p.PodSelector.Matches(w.Labels)))
                    .ToList();
                if (others.Count == 0)
                    continue;
                var shared = pods.Where(w => others.Exists(p => p.PodSelector.Matches(w.Labels))).ToList();
                context.Report(Descriptor, rule.Span, [.. others.Select(p => p.Span)], policy.Name,
                    direction == Direction.Ingress ? "ingress" : "egress", Names(others.Count == 1 ? "NetworkPolicy" : "NetworkPolicies", others.Select(p => p.Name)),
                    Names(shared.Count == 1 ? "workload" : "workloads", shared.Select(w => w.Name)));
            }
        }
    }

    /// <summary>
    /// Whether an allow-all rule of <paramref name="outer"/> makes <paramref name="inner"/>'s rules moot in a direction
    /// both affect (the pair this rule reports when they share pods); PC1010 leaves such pairs to this rule.
    /// </summary>
    internal static bool Covers(NetworkPolicy outer, NetworkPolicy inner) =>
        outer.Namespace == inner.Namespace && !ReferenceEquals(outer, inner) &&
        new[] { Direction.Ingress, Direction.Egress }.Any(d =>
            outer.Affects(d) && inner.Affects(d) && AllowAll(outer, d) is not null && AllowAll(inner, d) is null);

    private static PolicyRule? AllowAll(NetworkPolicy policy, Direction direction) =>
        policy.Rules(direction).FirstOrDefault(r => r.MatchesAllPeers && r.MatchesAllPorts);

    private static string Names(string noun, IEnumerable<string> names)
    {
        var all = names.ToList();
        var shown = string.Join("', '", all.Take(NamesShown));
        var more = all.Count > NamesShown ? $" and {all.Count - NamesShown} more" : string.Empty;
        return $"{noun} '{shown}'{more}";
    }
}
