using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// An ingress peer <c>namespaceSelector: {}</c> without a pod selector (or with <c>podSelector: {}</c>, which means the
/// same): every pod of every namespace, present and future. It is reported when the workloads it opens are also
/// restricted by another ingress policy of their namespace (a default deny, or a policy listing its sources), so
/// the namespace clearly means to restrict them. It is judged on the ingress side alone: the callers' own egress
/// policies may block some of them today, but the peer admits every namespace, including ones created later. One
/// finding per peer, with the opened workloads and the other policies as related locations. hostNetwork workloads
/// are not governed by policies and are skipped.
/// </summary>
public sealed class IngressAllowedFromAllNamespaces : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.IngressAllowedFromAllNamespaces,
        Name: nameof(IngressAllowedFromAllNamespaces),
        Title: "Ingress allowed from every namespace",
        MessageFormat: "NetworkPolicy '{0}' admits every pod of every namespace (namespaceSelector {{}}) to {1} " +
                       "'{2}'{3}, which other policies of namespace '{4}' restrict; name the namespaces that need " +
                       "access in the namespaceSelector (e.g. by kubernetes.io/metadata.name) and the pods in a " +
                       "podSelector.",
        Category: RuleCategory.Security,
        DefaultSeverity: Severity.Warning);

    public override RuleMetadata Metadata { get; } = RuleMetadata.Security(5.0);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var workloads = context.Workloads().Select(s => s.Workload).Where(w => !w.HostNetwork).ToList();
        foreach (var policy in context.Cluster.Policies)
        {
            if (!policy.AffectsIngress)
                continue;
            foreach (var rule in policy.Rules(Direction.Ingress))
            {
                foreach (var peer in rule.Peers ?? [])
                {
                    if (peer.NamespaceSelector is not { IsEmpty: true } || peer.PodSelector is { IsEmpty: false })
                        continue;
                    var opened = workloads.FindAll(w => w.Namespace == policy.Namespace && policy.PodSelector.Matches(w.Labels) &&
                                                        OtherRestrictingPolicies(context.Cluster, policy, w).Any());
                    if (opened.Count == 0)
                        continue;
                    var more = opened.Count > 1 ? $" (and {opened.Count - 1} more workloads)" : string.Empty;
                    var related = opened.Select(w => w.Span)
                        .Concat(opened.SelectMany(w => OtherRestrictingPolicies(context.Cluster, policy, w)).Select(p => p.Span))
                        .Distinct()
                        .ToList();
                    context.Report(Descriptor, peer.Span, [.. related], policy.Name, opened[0].Kind, opened[0].Name, more, policy.Namespace);
                }
            }
        }
    }

    /// <summary>The ingress policies of the workload's namespace other than <paramref name="policy"/> that select it.</summary>
    private static IEnumerable<NetworkPolicy> OtherRestrictingPolicies(Cluster cluster, NetworkPolicy policy, Workload workload) =>
        cluster.Policies.Where(p => !ReferenceEquals(p, policy) && p.Namespace == workload.Namespace && p.AffectsIngress &&
                                    p.PodSelector.Matches(workload.Labels));
}
