using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// An ingress peer <c>namespaceSelector: {}</c> without a pod selector (or with <c>podSelector: {}</c>, which means the
/// same): every pod of every namespace, present and future. It is reported when the workloads it opens are also
/// restricted by another ingress policy of their namespace (a default deny, or a policy listing its sources), so
/// the namespace clearly means to restrict them. It is judged on the ingress side alone: the callers' own egress
/// policies may block some of them today, but the peer admits every namespace, including ones created later. The
/// cluster DNS pods (kube-system/kube-dns), which every namespace must reach, are not judged. One
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
        HashSet<Workload>? dns = null;
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
                    dns ??= DnsPods(context);
                    var opened = context.WorkloadsSelected(policy.Namespace, policy.PodSelector)
                        .Where(w => !context.Ungoverned(w) && !dns.Contains(w) && OtherRestrictingPolicies(context, policy, w).Any())
                        .ToList();
                    if (opened.Count == 0)
                        continue;
                    var more = opened.Count > 1 ? $" (and {opened.Count - 1} more workloads)" : string.Empty;
                    var related = opened.Select(w => w.Span)
                        .Concat(opened.SelectMany(w => OtherRestrictingPolicies(context, policy, w)).Select(p => p.Span))
                        .Distinct()
                        .ToList();
                    context.Report(Descriptor, peer.Span, [.. related], policy.Name, opened[0].Kind, opened[0].Name, more, policy.Namespace);
                }
            }
        }
    }

    /// <summary>The ingress policies of the workload's namespace other than <paramref name="policy"/> that select it.</summary>
    private static IEnumerable<NetworkPolicy> OtherRestrictingPolicies(LintContext context, NetworkPolicy policy, Workload workload) =>
        context.PoliciesIn(workload.Namespace).Where(p => !ReferenceEquals(p, policy) && p.AffectsIngress && p.PodSelector.Matches(workload.Labels));

    /// <summary>
    /// The cluster DNS pods (the backends of Service kube-system/kube-dns, or the pods labelled k8s-app=kube-dns in
    /// kube-system when the inputs lack the Service), which every pod of every namespace must reach.
    /// </summary>
    private static HashSet<Workload> DnsPods(LintContext context)
    {
        var service = context.Cluster.Services.FirstOrDefault(s => s is { Namespace: ClusterDns.Namespace, Name: ClusterDns.ServiceName });
        IEnumerable<Workload> pods = service is not null
            ? context.Endpoints(service).Backends
            : context.WorkloadsIn(ClusterDns.Namespace)
                .Where(w => w.Labels.TryGetValue(ClusterDns.DnsLabelKey, out var value) && value == ClusterDns.DnsLabelValue);
        return new HashSet<Workload>(pods, ReferenceEqualityComparer.Instance);
    }
}
