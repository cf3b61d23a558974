using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// A <c>from</c>/<c>to</c> peer whose selectors, evaluated together (a namespace and pod selector in one peer are
/// AND'ed), select nothing in the inputs. To stay precise on partial inputs, a namespaceSelector is judged only
/// when the inputs declare Namespace objects, and a podSelector only when the namespaces it looks in hold at least
/// one workload of the inputs. The namespaces every cluster has count as declared, with the name label the API
/// server sets. A namespaceSelector on a label no namespace carries, naming an existing namespace, is PC1012's.
/// </summary>
public sealed class PeerSelectsNothing : LintRule
{
    /// <summary>Namespaces every cluster has; they count as declared, with the name label.</summary>
    internal static readonly string[] BuiltInNamespaces = ["default", "kube-node-lease", "kube-public", "kube-system"];

    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.PeerSelectsNothing,
        Name: nameof(PeerSelectsNothing),
        Title: "Peer selects nothing",
        MessageFormat: "NetworkPolicy '{0}' has a peer that selects nothing: {1}; fix the selector or the labels, " +
                       "or remove the peer.",
        Category: RuleCategory.Correctness,
        DefaultSeverity: Severity.Warning);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var namespacesDeclared = context.Cluster.Namespaces.Any(n => n.Declared);
        foreach (var list in context.PeerLists())
        {
            foreach (var peer in list.Peers)
            {
                if (peer.IpBlock is not null || (peer.PodSelector is null && peer.NamespaceSelector is null))
                    continue;
                if (peer.NamespaceSelector is { } namespaceSelector && NamespaceLabelNotCarried.Find(context.Cluster, namespaceSelector) is not null)
                    continue;
                if (Why(context, list.Policy, peer, namespacesDeclared) is { } why)
                    context.Report(Descriptor, peer.Span, list.Policy.Name, why);
            }
        }
    }

    private static string? Why(LintContext context, NetworkPolicy policy, PolicyPeer peer, bool namespacesDeclared)
    {
        List<string> namespaces;
        if (peer.NamespaceSelector is { } namespaceSelector)
        {
            var known = context.Cluster.Namespaces.Concat(BuiltInNamespaces.Select(context.Cluster.FindNamespace));
            namespaces = [.. known.Where(n => namespaceSelector.Matches(n.Labels)).Select(n => n.Name).Distinct(StringComparer.Ordinal)];
            if (namespaces.Count == 0)
                return namespacesDeclared ? $"namespaceSelector '{namespaceSelector}' matches no namespace of the inputs" : null;
        }
        else
        {
            namespaces = [policy.Namespace];
        }

        if (peer.PodSelector is not { } podSelector)
            return null;
        var workloads = context.Cluster.Workloads.Where(w => namespaces.Contains(w.Namespace)).ToList();
        if (workloads.Count == 0 || workloads.Exists(w => podSelector.Matches(w.Labels)))
            return null;
        var where = peer.NamespaceSelector is null
            ? $"namespace '{policy.Namespace}'"
            : $"the namespaces '{string.Join(", ", namespaces)}' its namespaceSelector selects";
        return $"podSelector '{podSelector}' matches no workload in {where}{context.UnmodelledOperatorClause(namespaces)}";
    }
}
