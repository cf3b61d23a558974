using PolicyCheck.Core.Diagnostics;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// A policy whose <c>spec.podSelector</c> matches no workload of its namespace isolates nothing and allows nothing.
/// Only namespaces the inputs hold workloads for are judged, so a folder of policies alone stays quiet.
/// </summary>
public sealed class PolicySelectsNothing : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.PolicySelectsNothing,
        Name: nameof(PolicySelectsNothing),
        Title: "Policy selects no pods",
        MessageFormat: "NetworkPolicy '{0}' selects no workload in namespace '{1}' with podSelector '{2}'{3}; " +
                       "fix the selector or the pod labels, or remove the policy.",
        Category: RuleCategory.Correctness,
        DefaultSeverity: Severity.Warning);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var policy in context.Cluster.Policies)
        {
            if (!context.Cluster.Workloads.Any(w => w.Namespace == policy.Namespace))
                continue;
            if (context.WorkloadsSelected(policy.Namespace, policy.PodSelector).Any())
                continue;
            var span = policy.PodSelector.Span.IsNone ? policy.Span : policy.PodSelector.Span;
            context.Report(Descriptor, span, policy.Name, policy.Namespace, policy.PodSelector.ToString(),
                context.UnmodelledOperatorClause([policy.Namespace]));
        }
    }
}
