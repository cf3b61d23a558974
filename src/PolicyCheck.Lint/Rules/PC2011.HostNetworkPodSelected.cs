using PolicyCheck.Core.Diagnostics;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// A policy whose <c>spec.podSelector</c> matches hostNetwork workloads of its namespace. NetworkPolicy behaviour
/// for pods on the node's network is undefined and many plugins do not enforce it, so whatever the policy says
/// about them (isolation, allowed peers) is unlikely to hold; the evaluation treats them as never isolated. One
/// finding per policy, at its podSelector, with the hostNetwork workloads as related locations. Policies that
/// affect no direction are left out, and so are namespace-wide ones (empty podSelector, a default deny): they
/// are about every pod of the namespace and cannot leave the hostNetwork pods out.
/// </summary>
public sealed class HostNetworkPodSelected : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.HostNetworkPodSelected,
        Name: nameof(HostNetworkPodSelected),
        Title: "Policy selects hostNetwork pods",
        MessageFormat: "NetworkPolicy '{0}' selects hostNetwork {1} '{2}'{3}, whose pods use the node's network, " +
                       "where NetworkPolicy behaviour is undefined and many plugins do not enforce it; protect them " +
                       "with the node's firewall (or run them off the host network) and keep them out of the podSelector.",
        Category: RuleCategory.Security,
        DefaultSeverity: Severity.Warning);

    public override RuleMetadata Metadata { get; } = RuleMetadata.Security(4.0);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Under --hostnetwork-pods=select the plugin is assumed to apply policies to them like any pod: nothing to say.
        var hostNetwork = context.Cluster.Workloads.Where(context.Ungoverned).ToList();
        if (hostNetwork.Count == 0)
            return;
        foreach (var policy in context.Cluster.Policies)
        {
            // A namespace-wide policy (podSelector {}) is about every pod, and cannot leave hostNetwork pods out.
            if ((!policy.AffectsIngress && !policy.AffectsEgress) || policy.PodSelector.IsEmpty)
                continue;
            var selected = hostNetwork.FindAll(w => w.Namespace == policy.Namespace && policy.PodSelector.Matches(w.Labels));
            if (selected.Count == 0)
                continue;
            var more = selected.Count > 1 ? $" (and {selected.Count - 1} more hostNetwork workloads)" : string.Empty;
            var span = policy.PodSelector.Span.IsNone ? policy.Span : policy.PodSelector.Span;
            context.Report(Descriptor, span, [.. selected.Select(w => w.Span)],
                policy.Name, selected[0].Kind, selected[0].Name, more);
        }
    }
}
