using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// A workload no policy isolates for egress may connect anywhere, including outside the cluster. hostNetwork
/// workloads are skipped: NetworkPolicy behaviour for them is undefined.
/// </summary>
public sealed class EgressNotIsolated : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.EgressNotIsolated,
        Name: nameof(EgressNotIsolated),
        Title: "Workload not isolated for egress",
        MessageFormat: "{0} '{1}' is selected by no NetworkPolicy that applies to Egress, so it may connect to every " +
                       "pod and outside address; add a policy with policyTypes Egress (e.g. a default deny for " +
                       "namespace '{2}') that selects it.",
        Category: RuleCategory.Security,
        DefaultSeverity: Severity.Note);

    public override RuleMetadata Metadata { get; } = RuleMetadata.Security(4.0);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (workload, subject) in context.Workloads())
        {
            if (!context.Ungoverned(workload) && !context.Matrix.IsIsolated(subject, Direction.Egress))
                context.Report(Descriptor, workload.Span, workload.Kind, workload.Name, workload.Namespace);
        }
    }
}
