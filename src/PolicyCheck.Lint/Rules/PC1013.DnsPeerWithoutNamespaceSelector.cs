using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// A peer with a (non-empty) podSelector and no namespaceSelector, so it looks only in the policy's namespace,
/// where it matches no workload of the inputs, while it matches the cluster DNS pods of <c>kube-system</c> (the
/// backends of the <c>kube-dns</c> Service, or the standard CoreDNS when the inputs lack them): the author meant
/// those pods and left out the namespaceSelector.
/// </summary>
public sealed class DnsPeerWithoutNamespaceSelector : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.DnsPeerWithoutNamespaceSelector,
        Name: nameof(DnsPeerWithoutNamespaceSelector),
        Title: "DNS peer without a namespaceSelector",
        MessageFormat: "NetworkPolicy '{0}' has a peer with only podSelector '{1}', which looks in namespace '{2}' " +
                       "and matches no pod there, but matches the cluster DNS pods in '{3}'; put " +
                       "'namespaceSelector: {{matchLabels: {{kubernetes.io/metadata.name: {3}}}}}' and this podSelector " +
                       "in one peer.",
        Category: RuleCategory.Correctness,
        DefaultSeverity: Severity.Warning);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        List<Workload>? dnsPods = null;
        foreach (var list in context.PeerLists())
        {
            if (list.Policy.Namespace == ClusterDns.Namespace)
                continue;
            foreach (var peer in list.Peers)
            {
                if (peer is not { PodSelector: { IsEmpty: false } podSelector, NamespaceSelector: null, IpBlock: null } ||
                    context.WorkloadsSelected(list.Policy.Namespace, podSelector).Any())
                    continue;
                dnsPods ??= DnsPods(context.Cluster);
                if (!dnsPods.Exists(w => podSelector.Matches(w.Labels)))
                    continue;
                var span = podSelector.Span.IsNone ? peer.Span : podSelector.Span;
                context.Report(Descriptor, span, list.Policy.Name, podSelector, list.Policy.Namespace, ClusterDns.Namespace);
            }
        }
    }

    /// <summary>The pods behind the kube-dns Service, with the standard CoreDNS assumed when the inputs lack them.</summary>
    private static List<Workload> DnsPods(Cluster cluster)
    {
        var (withDns, service, _) = ClusterDns.WithDns(cluster);
        if (service.Selector is not { Count: > 0 } selector)
            return [];
        return
        [
            .. withDns.Workloads.Where(w => w.Namespace == service.Namespace && selector.All(
                pair => w.Labels.TryGetValue(pair.Key, out var value) && value == pair.Value)),
        ];
    }
}
