using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// A Service whose selector matches no workload of its namespace has no endpoints. ExternalName services and services
/// without a selector (endpoints managed by hand) are exempt; workloads scaled to zero still count as matched, and
/// only namespaces the inputs hold workloads for are judged.
/// </summary>
public sealed class ServiceSelectsNothing : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.ServiceSelectsNothing,
        Name: nameof(ServiceSelectsNothing),
        Title: "Service selects no pods",
        MessageFormat: "Service '{0}' selects no workload in namespace '{1}' with selector '{2}'{3}; " +
                       "fix the selector or the pod labels.",
        Category: RuleCategory.Services,
        DefaultSeverity: Severity.Warning);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var service in context.Cluster.Services)
        {
            if (service.Type == ServiceType.ExternalName || service.Selector is not { Count: > 0 } selector)
                continue;
            var inNamespace = context.WorkloadsIn(service.Namespace);
            if (inNamespace.Count == 0 || inNamespace.Any(w => Selects(selector, w.Labels)))
                continue;
            var text = string.Join(',', selector.Select(p => $"{p.Key}={p.Value}"));
            context.Report(Descriptor, service.SelectorSpan ?? service.Span, service.Name, service.Namespace, text,
                context.UnmodelledOperatorClause([service.Namespace]));
        }
    }

    private static bool Selects(IReadOnlyDictionary<string, string> selector, System.Collections.Immutable.ImmutableSortedDictionary<string, string> labels) =>
        selector.All(p => labels.TryGetValue(p.Key, out var value) && string.Equals(value, p.Value, StringComparison.Ordinal));
}
