using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// A policy whose deletion changes no flow and no isolation: another policy of its namespace selects every pod it
/// selects (in the inputs), affects every direction it affects, and for each of its rules has a rule that allows
/// at least as much (the containment of PC1009). Of two equivalent policies only the later is reported. Policies
/// that select nothing (PC1001) or have a selector peer matching nothing (PC1002) are not judged, and a policy is
/// not reported as within one whose allow-all rule covers it: PC1011 reports that allow-all rule.
/// </summary>
public sealed class RedundantPolicy : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.RedundantPolicy,
        Name: nameof(RedundantPolicy),
        Title: "Policy allows and isolates nothing another policy does not",
        MessageFormat: "NetworkPolicy '{0}' changes nothing: NetworkPolicy '{1}' selects all its pods, isolates " +
                       "them in the same directions and allows everything it allows{2}; delete '{0}', or narrow '{1}'.",
        Category: RuleCategory.Correctness,
        DefaultSeverity: Severity.Note);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        RuleAllowances? allowances = null;
        foreach (var group in context.Cluster.Policies.Select((p, i) => (Policy: p, Order: i)).GroupBy(p => p.Policy.Namespace, StringComparer.Ordinal))
        {
            var policies = group.ToList();
            if (policies.Count < 2)
                continue;
            allowances ??= new RuleAllowances(context);
            var selected = policies.Select(p => new HashSet<Workload>(allowances.Selected(p.Policy), ReferenceEqualityComparer.Instance)).ToList();
            for (var i = 0; i < policies.Count; i++)
            {
                if (selected[i].Count == 0)
                    continue;
                for (var j = 0; j < policies.Count; j++)
                {
                    if (j == i || AllowAllMakesOthersMoot.Covers(policies[j].Policy, policies[i].Policy) ||
                        !IsWithin(allowances, policies[i].Policy, selected[i], policies[j].Policy, selected[j]))
                        continue;
                    var equivalent = IsWithin(allowances, policies[j].Policy, selected[j], policies[i].Policy, selected[i]);
                    if (equivalent && policies[j].Order > policies[i].Order)
                        continue;
                    context.Report(Descriptor, policies[i].Policy.Span, [policies[j].Policy.Span], policies[i].Policy.Name,
                        policies[j].Policy.Name, equivalent ? " (the two policies are equivalent)" : string.Empty);
                    break;
                }
            }
        }
    }

    private static bool IsWithin(RuleAllowances allowances, NetworkPolicy inner, HashSet<Workload> innerPods, NetworkPolicy outer, HashSet<Workload> outerPods)
    {
        if (innerPods.Count == 0 || !innerPods.IsSubsetOf(outerPods))
            return false;
        var pods = innerPods.ToList();
        foreach (var direction in (ReadOnlySpan<Direction>)[Direction.Ingress, Direction.Egress])
        {
            if (!inner.Affects(direction))
                continue;
            if (!outer.Affects(direction))
                return false;
            var outerRules = outer.Rules(direction).Select(r => allowances.Of(outer, r)).ToList();
            foreach (var rule in inner.Rules(direction))
            {
                var allowance = allowances.Of(inner, rule);
                if (!allowance.IsKnown)
                    return false;
                if (!allowance.AllowsNothing(direction, pods, allowances.Subjects) &&
                    !outerRules.Exists(o => allowance.IsWithin(o, direction, pods, allowances.Subjects)))
                    return false;
            }
        }

        return true;
    }
}
