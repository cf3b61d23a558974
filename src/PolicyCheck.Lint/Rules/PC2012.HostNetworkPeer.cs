using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// A pod or namespace selector peer whose selectors, read as Kubernetes defines them (pod selector in the policy's
/// namespace, or in the namespaces the namespace selector picks; both in one peer AND'ed), match workloads that all
/// run on the host network. Their traffic carries the node's address, so a plugin that cannot tell it apart matches
/// the peer against nothing, and the evaluation models exactly that. Peers are judged by labels only, since the
/// matrix never matches hostNetwork pods by selector; only peers that match some hostNetwork workload are checked
/// against the others, so the usual peer costs one pass over the (few) hostNetwork workloads. Rules of a
/// direction the policy ignores are PC1004's; peers that match nothing at all are PC1002's.
/// </summary>
public sealed class HostNetworkPeer : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.HostNetworkPeer,
        Name: nameof(HostNetworkPeer),
        Title: "Peer matches only hostNetwork pods",
        MessageFormat: "NetworkPolicy '{0}' has a peer ({1}) that matches only hostNetwork pods, of {2} '{3}'{4}; " +
                       "their traffic carries the node's address, so plugins that cannot tell it apart (and the evaluation) " +
                       "match this peer against nothing; " +
                       "allow the nodes' addresses with an ipBlock instead.",
        Category: RuleCategory.Security,
        DefaultSeverity: Severity.Warning);

    public override RuleMetadata Metadata { get; } = RuleMetadata.Security(2.0);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Under --hostnetwork-pods=select the plugin is assumed to apply policies to them like any pod: nothing to say.
        var hostNetwork = context.Cluster.Workloads.Where(context.Ungoverned).ToList();
        if (hostNetwork.Count == 0)
            return;
        var namespaceLabels = new Dictionary<string, ImmutableSortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var workload in context.Cluster.Workloads)
        {
            if (!namespaceLabels.ContainsKey(workload.Namespace))
                namespaceLabels[workload.Namespace] = context.Cluster.FindNamespace(workload.Namespace).Labels;
        }

        foreach (var (policy, rule, peers) in context.PeerLists())
        {
            if (!policy.Affects(rule.Direction))
                continue;
            foreach (var peer in peers)
            {
                if (peer.IpBlock is not null || (peer.PodSelector is null && peer.NamespaceSelector is null))
                    continue;
                bool Matches(Workload w) =>
                    (peer.NamespaceSelector is { } ns ? ns.Matches(namespaceLabels[w.Namespace]) : w.Namespace == policy.Namespace) &&
                    (peer.PodSelector?.Matches(w.Labels) ?? true);
                var matched = hostNetwork.FindAll(Matches);
                if (matched.Count == 0 || context.Cluster.Workloads.Any(w => !w.HostNetwork && Matches(w)))
                    continue;
                var more = matched.Count > 1 ? $" and {matched.Count - 1} more" : string.Empty;
                context.Report(Descriptor, peer.Span, [.. matched.Select(w => w.Span)],
                    policy.Name, Describe(peer), matched[0].Kind, matched[0].Id, more);
            }
        }
    }

    private static string Describe(PolicyPeer peer) => (peer.NamespaceSelector, peer.PodSelector) switch
    {
        ({ } ns, { } pods) => $"namespaceSelector '{ns}' with podSelector '{pods}'",
        ({ } ns, null) => $"namespaceSelector '{ns}'",
        (null, { } pods) => $"podSelector '{pods}'",
        _ => string.Empty,
    };
}
