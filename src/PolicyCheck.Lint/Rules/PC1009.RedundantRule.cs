using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// A rule of a policy that allows nothing another rule of the same policy and direction does not already allow:
/// the (peer × port) set it allows, over the workloads and outside address groups of the inputs, lies within the
/// other rule's. Of two equivalent rules only the later is reported. Rules that allow nothing, or have a selector
/// peer matching nothing in the inputs, are left to PC1002 and PC1005; directions the policy ignores to PC1004.
/// Where the other rule covers pods only through an ipBlock matching their IPs, the finding depends on the plugin
/// (--ipblock-pods=match) and says so.
/// </summary>
public sealed class RedundantRule : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.RedundantRule,
        Name: nameof(RedundantRule),
        Title: "Rule allows nothing another rule of the policy does not",
        MessageFormat: "NetworkPolicy '{0}' has {1} rule #{2}, which allows only traffic its {1} rule #{3} already " +
                       "allows{4}; remove it, or merge the two rules.",
        Category: RuleCategory.Correctness,
        DefaultSeverity: Severity.Note);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        RuleAllowances? allowances = null;
        RuleAllowances? withoutPodIps = null; // the same rules if ipBlocks did not match pods
        var matchesPodIps = context.Options.IpBlockPods == IpBlockPodMatching.Match;
        foreach (var policy in context.Cluster.Policies)
        {
            foreach (var direction in (ReadOnlySpan<Direction>)[Direction.Ingress, Direction.Egress])
            {
                var rules = policy.Rules(direction);
                if (rules.Length < 2 || !policy.Affects(direction))
                    continue;
                allowances ??= new RuleAllowances(context);
                var selected = allowances.Selected(policy);
                var each = rules.Select(r => allowances.Of(policy, r)).ToList();
                for (var i = 0; i < each.Count; i++)
                {
                    var inner = each[i];
                    if (!inner.IsKnown || inner.AllowsNothing(direction, selected, allowances.Subjects))
                        continue;
                    for (var j = 0; j < each.Count; j++)
                    {
                        if (j == i || !inner.IsWithin(each[j], direction, selected, allowances.Subjects))
                            continue;
                        var equivalent = each[j].IsWithin(inner, direction, selected, allowances.Subjects);
                        if (equivalent && j > i)
                            continue;
                        var kind = direction == Direction.Ingress ? "ingress" : "egress";
                        var note = equivalent ? " (the two rules allow the same)" : string.Empty;
                        if (matchesPodIps)
                        {
                            withoutPodIps ??= new RuleAllowances(context, context.Options with { IpBlockPods = IpBlockPodMatching.Ignore });
                            var (a, b) = (withoutPodIps.Of(policy, inner.Rule), withoutPodIps.Of(policy, each[j].Rule));
                            if (a.IsKnown && !a.IsWithin(b, direction, selected, withoutPodIps.Subjects))
                            {
                                var fromProfile = EvaluationOptions.For(context.Options.Profile).IpBlockPods == IpBlockPodMatching.Match;
                                note += $" (true only if ipBlocks match pod IPs, as assumed: {NetworkPluginNames.Setting(context.Options, "--ipblock-pods", "match", fromProfile)}; Cilium's do not)";
                            }
                        }

                        context.Report(Descriptor, inner.Rule.Span, [each[j].Rule.Span], policy.Name, kind, inner.Rule.Number, each[j].Rule.Number, note);
                        break;
                    }
                }
            }
        }
    }
}
