using System.Collections.Immutable;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Selectors;

namespace PolicyCheck.Core.Audit;

/// <summary>
/// Compares NetworkPolicies by meaning, not by text. Each policy is reduced to a canonical form in which what the API
/// treats as unordered or defaulted no longer shows:
/// <list type="bullet">
/// <item>selectors are sets of requirements, <c>matchLabels {k: v}</c> being <c>k In (v)</c>, values sorted;</item>
/// <item><c>policyTypes</c> are the effective ones (an absent list implies Ingress, and Egress when egress rules exist);</item>
/// <item>rules of a direction the policy does not affect are left out, as Kubernetes ignores them;</item>
/// <item>rules, the peers of a rule and the ports of a rule are sets; an absent and an empty <c>from</c>/<c>to</c> or
/// <c>ports</c> both match everything; a missing protocol is TCP; a peer with only a namespaceSelector selects
/// every pod there (<c>podSelector: {}</c>).</item>
/// </list>
/// Order of rules does matter nowhere in NetworkPolicy (rules only ever add), so two policies with the same form
/// allow exactly the same traffic. Different forms may still happen to allow the same traffic (overlapping rules).
/// </summary>
public static class PolicyComparison
{
    public static PolicyDrift Compare(IEnumerable<NetworkPolicy> live, IEnumerable<NetworkPolicy> declared)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(declared);
        var liveByRef = live.GroupBy(p => p.Ref).ToDictionary(g => g.Key, g => g.Last());
        var declaredByRef = declared.GroupBy(p => p.Ref).ToDictionary(g => g.Key, g => g.Last());
        var onlyLive = liveByRef.Where(p => !declaredByRef.ContainsKey(p.Key)).Select(p => p.Value);
        var onlyDeclared = declaredByRef.Where(p => !liveByRef.ContainsKey(p.Key)).Select(p => p.Value);
        var different = new List<PolicyDifference>();
        foreach (var (key, policy) in liveByRef)
        {
            if (declaredByRef.TryGetValue(key, out var other) && DifferingParts(policy, other) is { IsEmpty: false } parts)
                different.Add(new PolicyDifference(policy, other, parts));
        }

        return new PolicyDrift(
            [.. Sorted(onlyLive)],
            [.. Sorted(onlyDeclared)],
            [.. different.OrderBy(d => d.Ref.Namespace, StringComparer.Ordinal).ThenBy(d => d.Ref.Name, StringComparer.Ordinal)]);
    }

    /// <summary>The parts whose canonical forms differ: <c>podSelector</c>, <c>policyTypes</c>, <c>ingress</c>, <c>egress</c>.</summary>
    public static ImmutableArray<string> DifferingParts(NetworkPolicy a, NetworkPolicy b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var parts = ImmutableArray.CreateBuilder<string>();
        if (Selector(a.PodSelector) != Selector(b.PodSelector))
            parts.Add("podSelector");
        if (a.AffectsIngress != b.AffectsIngress || a.AffectsEgress != b.AffectsEgress)
            parts.Add("policyTypes");
        if (Rules(a, Direction.Ingress) != Rules(b, Direction.Ingress))
            parts.Add("ingress");
        if (Rules(a, Direction.Egress) != Rules(b, Direction.Egress))
            parts.Add("egress");
        return parts.ToImmutable();
    }

    /// <summary>The canonical form of one direction's rules; empty when the policy does not affect it.</summary>
    public static string Rules(NetworkPolicy policy, Direction direction)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (!policy.Affects(direction))
            return string.Empty;
        var rules = policy.Rules(direction).Select(Rule).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return "[" + string.Join(" | ", rules) + "]";
    }

    /// <summary>A selector as its sorted set of requirements; <c>{}</c> selects everything.</summary>
    public static string Selector(LabelSelector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var requirements = selector.MatchLabels.Select(p => $"{p.Key} In ({p.Value})");
        if (!selector.MatchExpressions.IsDefault)
        {
            requirements = requirements.Concat(selector.MatchExpressions.Select(e => e.Operator is SelectorOperator.In or SelectorOperator.NotIn
                ? $"{e.Key} {e.Operator} ({string.Join(',', e.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))})"
                : $"{e.Key} {e.Operator}"));
        }

        return "{" + string.Join(", ", requirements.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)) + "}";
    }

    private static string Rule(PolicyRule rule)
    {
        var peers = rule.MatchesAllPeers
            ? "any peer"
            : string.Join(" or ", rule.Peers!.Value.Select(Peer).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)); // MatchesAllPeers is false, so Peers has items
        var ports = rule.MatchesAllPorts
            ? "any port"
            : string.Join(", ", rule.Ports!.Value.Select(Port).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)); // likewise
        return $"{peers} on {ports}";
    }

    private static string Peer(PolicyPeer peer)
    {
        if (peer.IpBlock is { } block)
        {
            var except = block.Except.IsDefaultOrEmpty
                ? string.Empty
                : " except " + string.Join(',', block.Except.Select(Cidr).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            return $"ipBlock {Cidr(block.Cidr)}{except}";
        }

        var namespaces = peer.NamespaceSelector is { } ns ? "namespaces " + Selector(ns) : "own namespace";
        return $"pods {Selector(peer.PodSelector ?? LabelSelector.Everything)} in {namespaces}";
    }

    private static string Port(PolicyPort port)
    {
        var protocol = port.EffectiveProtocol.ToApiString();
        if (port.Port is not { } value)
            return $"{protocol} all";
        return port.EndPort is { } end ? $"{protocol} {value}-{end}" : $"{protocol} {value}";
    }

    /// <summary>The network the CIDR denotes (<c>10.0.0.1/8</c> and <c>10.0.0.0/8</c> are the same block).</summary>
    private static string Cidr(IpCidr cidr) => cidr.Network.ToString();

    private static IEnumerable<NetworkPolicy> Sorted(IEnumerable<NetworkPolicy> policies) =>
        policies.OrderBy(p => p.Namespace, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal);
}
