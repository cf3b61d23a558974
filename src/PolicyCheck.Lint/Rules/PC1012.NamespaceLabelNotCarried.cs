using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Selectors;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// A namespaceSelector that requires a label key (by <c>matchLabels</c> or an <c>In</c> expression) that no
/// namespace of the inputs carries, while a namespace whose name is the required value exists: the author meant
/// that namespace, which <c>kubernetes.io/metadata.name</c> selects. Judged only when the inputs declare Namespace
/// objects (as PC1002, which leaves such peers to this rule).
/// </summary>
public sealed class NamespaceLabelNotCarried : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.NamespaceLabelNotCarried,
        Name: nameof(NamespaceLabelNotCarried),
        Title: "Namespace selected by a label namespaces do not carry",
        MessageFormat: "NetworkPolicy '{0}' selects namespaces by label '{1}', which no namespace of the inputs " +
                       "carries, so the peer matches nothing; to select namespace '{2}', use " +
                       "'kubernetes.io/metadata.name: {2}', which the API server sets on every namespace.",
        Category: RuleCategory.Correctness,
        DefaultSeverity: Severity.Warning);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var list in context.PeerLists())
        {
            foreach (var peer in list.Peers)
            {
                if (peer.NamespaceSelector is { } selector && Find(context.Cluster, selector) is { } found)
                {
                    var span = selector.Span.IsNone ? peer.Span : selector.Span;
                    context.Report(Descriptor, span, list.Policy.Name, $"{found.Key}={found.Value}", found.Value);
                }
            }
        }
    }

    /// <summary>
    /// The (key, value) of <paramref name="selector"/> that names an existing namespace under a key no namespace
    /// carries, or null. PC1002 asks this to avoid reporting the same peer twice.
    /// </summary>
    internal static (string Key, string Value)? Find(Cluster cluster, LabelSelector selector)
    {
        if (!cluster.Namespaces.Any(n => n.Declared))
            return null;
        var known = cluster.Namespaces.Concat(PeerSelectsNothing.BuiltInNamespaces.Select(cluster.FindNamespace)).ToList();
        var wanted = selector.MatchLabels.Select(p => (p.Key, Values: (IEnumerable<string>)[p.Value]))
            .Concat(selector.MatchExpressions.IsDefault ? [] : selector.MatchExpressions
                .Where(e => e.Operator == SelectorOperator.In)
                .Select(e => (e.Key, Values: (IEnumerable<string>)e.Values)));
        foreach (var (key, values) in wanted)
        {
            if (key == Namespace.NameLabel || known.Exists(n => n.Labels.ContainsKey(key)))
                continue;
            foreach (var value in values)
            {
                if (known.Exists(n => n.Name == value))
                    return (key, value);
            }
        }

        return null;
    }
}
