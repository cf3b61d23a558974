using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// A workload no policy isolates for ingress accepts every connection. hostNetwork workloads are left to
/// <c>PolicyCheck</c>'s other checks: NetworkPolicy behaviour for them is undefined.
/// </summary>
public sealed class IngressNotIsolated : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.IngressNotIsolated,
        Name: nameof(IngressNotIsolated),
        Title: "Workload not isolated for ingress",
        MessageFormat: "{0} '{1}' is selected by no NetworkPolicy that applies to Ingress, so every pod and outside " +
                       "address may connect to it; add a policy (e.g. a default deny for namespace '{2}') that selects it.",
        Category: RuleCategory.Security,
        DefaultSeverity: Severity.Note);

    public override RuleMetadata Metadata { get; } = RuleMetadata.Security(5.0);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (workload, subject) in context.Workloads())
        {
            if (!context.Ungoverned(workload) && !context.Matrix.IsIsolated(subject, Direction.Ingress))
                context.Report(Descriptor, workload.Span, workload.Kind, workload.Name, workload.Namespace);
        }
    }
}
