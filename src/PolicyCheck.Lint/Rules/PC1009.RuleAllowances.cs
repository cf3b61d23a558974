using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Selectors;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// Builds <see cref="RuleAllowance"/>s for one lint run: peers are matched against the matrix subjects the way the
/// engine matches them (selectors on workloads that are governed, see <see cref="LintContext.Ungoverned"/>, a missing namespaceSelector meaning the
/// policy's namespace; ipBlocks on the external address groups and, unless the options ignore them, on known pod
/// IPs). Subjects are indexed by namespace and each distinct peer is matched once.
/// </summary>
internal sealed class RuleAllowances
{
    private readonly LintContext _context;
    private readonly EvaluationOptions _options;
    private readonly int _words;
    private readonly Dictionary<string, List<int>> _byNamespace = new(StringComparer.Ordinal);
    private readonly List<int> _external = [];
    private readonly Dictionary<string, ulong[]> _peerMemo = new(StringComparer.Ordinal);
    private readonly Dictionary<PolicyRule, RuleAllowance> _rules = new(ReferenceEqualityComparer.Instance);

    /// <param name="options">The plugin model to match under; the context's when null (another one asks "what if").</param>
    public RuleAllowances(LintContext context, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _options = options ?? context.Options;
        Subjects = context.Matrix.Subjects;
        _words = (Subjects.Count + 63) / 64;
        for (var i = 0; i < Subjects.Count; i++)
        {
            if (Subjects[i].Workload is { } workload)
            {
                if (!_byNamespace.TryGetValue(workload.Namespace, out var list))
                    _byNamespace[workload.Namespace] = list = [];
                list.Add(i);
            }
            else
            {
                _external.Add(i);
            }
        }
    }

    public IReadOnlyList<Subject> Subjects { get; }

    /// <summary>The workloads of the inputs that <paramref name="policy"/> selects.</summary>
    public List<Workload> Selected(NetworkPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var result = new List<Workload>();
        foreach (var subject in _byNamespace.GetValueOrDefault(policy.Namespace) ?? [])
        {
            var workload = Subjects[subject].Workload!; // indexed by namespace only when it is a workload
            if (policy.PodSelector.Matches(workload.Labels))
                result.Add(workload);
        }

        return result;
    }

    public RuleAllowance Of(NetworkPolicy policy, PolicyRule rule)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(rule);
        if (_rules.TryGetValue(rule, out var known))
            return known;
        var fixedPorts = PortSet.All;
        PolicyPort[] named = [];
        if (!rule.MatchesAllPorts)
        {
            fixedPorts = PortSet.None;
            var entries = rule.Ports!.Value; // MatchesAllPorts is false only with a written, non-empty list
            var options = _options;
            // As the engine: an SCTP entry allows nothing where the plugin lacks SCTP, endPort counts only where honoured.
            bool Applies(PolicyPort entry) => entry.EffectiveProtocol != Protocol.Sctp || options.Sctp == SctpSupport.Supported;
            named = [.. entries.Where(p => p.Port is { IsNamed: true } && Applies(p))];
            foreach (var entry in entries)
            {
                if (!Applies(entry))
                    continue;
                if (entry.Port is not { } value)
                    fixedPorts = fixedPorts.Union(PortSet.AllOf(entry.EffectiveProtocol));
                else if (value.Number is { } first)
                    fixedPorts = fixedPorts.Union(PortSet.Of(entry.EffectiveProtocol, first, options.EndPort == EndPortHandling.Honor ? entry.EndPort ?? first : first));
            }
        }

        var allowance = new RuleAllowance(rule, Peers(policy, rule), fixedPorts, named);
        _rules[rule] = allowance;
        return allowance;
    }

    private ulong[]? Peers(NetworkPolicy policy, PolicyRule rule)
    {
        var bits = new ulong[_words];
        if (rule.MatchesAllPeers)
        {
            for (var i = 0; i < Subjects.Count; i++)
                bits[i >> 6] |= 1UL << (i & 63);
            return bits;
        }

        foreach (var peer in rule.Peers!.Value) // MatchesAllPeers is false only with a written, non-empty list
        {
            var matched = Match(policy, peer);
            if (peer.IpBlock is null && !matched.AsSpan().ContainsAnyExcept(0UL))
                return null;
            for (var w = 0; w < bits.Length; w++)
                bits[w] |= matched[w];
        }

        return bits;
    }

    private ulong[] Match(NetworkPolicy policy, PolicyPeer peer)
    {
        var key = peer.IpBlock is { } block
            ? "ip:" + block.Cidr.Network + "!" + string.Join(',', block.Except.Select(e => e.Network.ToString()))
            : $"sel:{(peer.NamespaceSelector is null ? "=" + policy.Namespace : Key(peer.NamespaceSelector))}|{(peer.PodSelector is null ? "*" : Key(peer.PodSelector))}";
        if (_peerMemo.TryGetValue(key, out var memo))
            return memo;
        var bits = new ulong[_words];
        if (peer.IpBlock is { } ipBlock)
        {
            foreach (var subject in _external)
            {
                if (ipBlock.Contains(Subjects[subject].Ranges[0].First))
                    bits[subject >> 6] |= 1UL << (subject & 63);
            }

            if (_options.IpBlockPods == IpBlockPodMatching.Match)
            {
                foreach (var list in _byNamespace.Values)
                {
                    foreach (var subject in list)
                    {
                        if (Subjects[subject].Workload!.PodIps.Any(ipBlock.Contains)) // indexed by namespace only when it is a workload
                            bits[subject >> 6] |= 1UL << (subject & 63);
                    }
                }
            }
        }
        else
        {
            foreach (var (ns, list) in _byNamespace)
            {
                var inNamespace = peer.NamespaceSelector is { } namespaceSelector
                    ? namespaceSelector.Matches(_context.Cluster.FindNamespace(ns).Labels)
                    : ns == policy.Namespace;
                if (!inNamespace)
                    continue;
                foreach (var subject in list)
                {
                    var workload = Subjects[subject].Workload!; // indexed by namespace only when it is a workload
                    if (!(workload.HostNetwork && !_options.SelectsHostNetworkPods) && (peer.PodSelector?.Matches(workload.Labels) ?? true))
                        bits[subject >> 6] |= 1UL << (subject & 63);
                }
            }
        }

        _peerMemo[key] = bits;
        return bits;
    }

    private static string Key(LabelSelector selector) => "{" + selector + "}";
}
