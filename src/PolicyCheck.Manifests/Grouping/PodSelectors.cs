using System.Collections.Immutable;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Selectors;

namespace PolicyCheck.Manifests.Grouping;

/// <summary>
/// Every selector of the inputs that picks pods, by the namespace whose pods it picks: a policy's
/// <c>spec.podSelector</c> and its peers' podSelectors without a namespaceSelector (the policy's namespace), peers'
/// podSelectors with a namespaceSelector (each namespace that selector matches), and Service selectors (the service's
/// namespace). Namespace selectors never tell apart pods of one namespace, so they are not listed themselves. Empty
/// selectors select every pod alike and are left out.
/// </summary>
internal sealed class PodSelectors
{
    private readonly Dictionary<string, List<Entry>> _byNamespace = new(StringComparer.Ordinal);
    private readonly List<(LabelSelector Namespaces, Entry Pods)> _acrossNamespaces = [];
    private readonly Dictionary<string, List<Entry>> _resolved = new(StringComparer.Ordinal);
    private readonly Func<string, IReadOnlyDictionary<string, string>> _namespaceLabels;

    public PodSelectors(IEnumerable<NetworkPolicy> policies, IEnumerable<Service> services, Func<string, IReadOnlyDictionary<string, string>> namespaceLabels)
    {
        _namespaceLabels = namespaceLabels;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var policy in policies)
        {
            Add(policy.Namespace, policy.PodSelector, keys);
            foreach (var rule in policy.Rules(Direction.Ingress).Concat(policy.Rules(Direction.Egress)))
            {
                foreach (var peer in rule.Peers ?? [])
                {
                    if (peer.PodSelector is not { IsEmpty: false } podSelector)
                        continue;
                    if (peer.NamespaceSelector is { } namespaceSelector)
                    {
                        _acrossNamespaces.Add((namespaceSelector, Entry.Of(podSelector)));
                        keys.UnionWith(podSelector.Keys);
                    }
                    else
                    {
                        Add(policy.Namespace, podSelector, keys);
                    }
                }
            }
        }

        foreach (var service in services)
        {
            if (service.Type == ServiceType.ExternalName || service.Selector is not { Count: > 0 } selector)
                continue;
            List(service.Namespace).Add(new Entry([.. selector.Keys], null, selector));
            keys.UnionWith(selector.Keys);
        }

        Keys = keys;
    }

    /// <summary>Every label key some pod selector looks at: only these controller labels can change an answer.</summary>
    public IReadOnlySet<string> Keys { get; }

    /// <summary>The selectors that pick pods of <paramref name="ns"/>.</summary>
    public IReadOnlyList<Entry> In(string ns)
    {
        if (_resolved.TryGetValue(ns, out var known))
            return known;
        var all = _byNamespace.TryGetValue(ns, out var local) ? new List<Entry>(local) : [];
        if (_acrossNamespaces.Count > 0)
        {
            var labels = _namespaceLabels(ns);
            all.AddRange(_acrossNamespaces.Where(a => a.Namespaces.Matches(labels)).Select(a => a.Pods));
        }

        return _resolved[ns] = all;
    }

    private void Add(string ns, LabelSelector selector, HashSet<string> keys)
    {
        if (selector.IsEmpty)
            return;
        List(ns).Add(Entry.Of(selector));
        keys.UnionWith(selector.Keys);
    }

    private List<Entry> List(string ns) =>
        _byNamespace.TryGetValue(ns, out var list) ? list : _byNamespace[ns] = [];

    /// <summary>One selector: a label selector, or a Service's plain map (every pair must hold).</summary>
    internal sealed record Entry(ImmutableArray<string> Keys, LabelSelector? Selector, IReadOnlyDictionary<string, string>? Map)
    {
        public static Entry Of(LabelSelector selector) => new([.. selector.Keys.Distinct(StringComparer.Ordinal)], selector, null);

        public bool Matches(IReadOnlyDictionary<string, string> labels) =>
            Selector?.Matches(labels) ??
            Map!.All(p => labels.TryGetValue(p.Key, out var value) && string.Equals(value, p.Value, StringComparison.Ordinal)); // one of the two is set

        /// <summary>The values this selector compares <paramref name="key"/> with (matchLabels, In, NotIn).</summary>
        public IEnumerable<string> ValuesOf(string key)
        {
            if (Map is not null)
                return Map.TryGetValue(key, out var value) ? [value] : [];
            var selector = Selector!; // one of the two is set
            var values = selector.MatchLabels.TryGetValue(key, out var written) ? [written] : new List<string>();
            if (!selector.MatchExpressions.IsDefault)
                values.AddRange(selector.MatchExpressions.Where(e => e.Key == key && !e.Values.IsDefault).SelectMany(e => e.Values));
            return values;
        }
    }
}
