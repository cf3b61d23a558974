using PolicyCheck.Core.Diagnostics;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// A <c>from</c>/<c>to</c> list with a namespaceSelector-only item and a podSelector-only item: the items are OR'ed,
/// so the pod selector applies to the policy's own namespace and the namespace selector admits every pod there. A
/// podSelector-only item that is <c>{}</c> (the whole own namespace) is a deliberate pattern and is left alone.
/// </summary>
public sealed class PeerSelectorsSplit : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.PeerSelectorsSplit,
        Name: nameof(PeerSelectorsSplit),
        Title: "Pod and namespace selectors are separate peers",
        MessageFormat: "NetworkPolicy '{0}' lists podSelector '{1}' and namespaceSelector '{2}' as separate peers, " +
                       "which allows either; put both in one peer to require both.",
        Category: RuleCategory.Correctness,
        DefaultSeverity: Severity.Warning);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var list in context.PeerLists())
        {
            var namespaceOnly = list.Peers.FirstOrDefault(p => p is { NamespaceSelector: not null, PodSelector: null, IpBlock: null });
            var podOnly = list.Peers.FirstOrDefault(p => p is { PodSelector: { IsEmpty: false }, NamespaceSelector: null, IpBlock: null });
            if (namespaceOnly is null || podOnly is null)
                continue;
            context.Report(Descriptor, podOnly.Span, [namespaceOnly.Span],
                list.Policy.Name, podOnly.PodSelector!.ToString(), namespaceOnly.NamespaceSelector!.ToString()); // both matched non-null above
        }
    }
}
