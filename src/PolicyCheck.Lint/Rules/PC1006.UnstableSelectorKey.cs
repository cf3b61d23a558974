using System.Collections.Frozen;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Selectors;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// A policy selector on a label that controllers set per revision or per pod (<c>pod-template-hash</c> and the like):
/// it stops matching on the next rollout or names one pod.
/// </summary>
public sealed class UnstableSelectorKey : LintRule
{
    /// <summary>Labels controllers set on the pods they create, whose values change with revisions or differ per pod.</summary>
    public static FrozenSet<string> UnstableKeys { get; } = FrozenSet.Create(
        StringComparer.Ordinal,
        "pod-template-hash",
        "controller-revision-hash",
        "pod-template-generation",
        "statefulset.kubernetes.io/pod-name");

    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.UnstableSelectorKey,
        Name: nameof(UnstableSelectorKey),
        Title: "Selector uses a label that changes on rollout",
        MessageFormat: "NetworkPolicy '{0}' selects on '{1}', which a controller sets per revision or per pod and " +
                       "which stops matching after a rollout; select on a label of the pod template instead.",
        Category: RuleCategory.Correctness,
        DefaultSeverity: Severity.Warning);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var policy in context.Cluster.Policies)
        {
            Check(context, policy, policy.PodSelector);
            foreach (var direction in (ReadOnlySpan<Direction>)[Direction.Ingress, Direction.Egress])
            {
                foreach (var rule in policy.Rules(direction))
                {
                    foreach (var peer in rule.Peers ?? [])
                    {
                        Check(context, policy, peer.PodSelector);
                        Check(context, policy, peer.NamespaceSelector);
                    }
                }
            }
        }
    }

    private void Check(LintContext context, NetworkPolicy policy, LabelSelector? selector)
    {
        if (selector is null)
            return;
        foreach (var key in selector.MatchLabels.Keys)
        {
            if (UnstableKeys.Contains(key))
                context.Report(Descriptor, selector.Span, policy.Name, key);
        }

        foreach (var requirement in selector.MatchExpressions.IsDefault ? [] : selector.MatchExpressions)
        {
            if (UnstableKeys.Contains(requirement.Key))
                context.Report(Descriptor, requirement.Span, policy.Name, requirement.Key);
        }
    }
}
