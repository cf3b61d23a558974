using System.Collections.Immutable;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Selectors;

namespace PolicyCheck.TestKit;

/// <summary>
/// Configures one NetworkPolicy. By default it selects every pod (<c>podSelector: {}</c>) and leaves
/// <c>policyTypes</c>, <c>ingress</c> and <c>egress</c> absent.
/// </summary>
public sealed class PolicyBuilder
{
    private readonly List<(Direction Direction, Action<RuleBuilder>? Configure)> _rules = [];
    private LabelSelector _podSelector = LabelSelector.Everything;
    private ImmutableArray<Direction>? _types;
    private bool _ingressWritten;
    private bool _egressWritten;

    public PolicyBuilder Select(LabelSelector podSelector)
    {
        _podSelector = podSelector;
        return this;
    }

    public PolicyBuilder Select(params (string Key, string Value)[] matchLabels) => Select(Selector.MatchLabels(matchLabels));

    /// <summary>Writes <c>policyTypes</c> in the given order; no arguments writes <c>policyTypes: []</c>.</summary>
    public PolicyBuilder Types(params Direction[] types)
    {
        _types = [.. types];
        return this;
    }

    /// <summary>Appends an ingress rule; without <paramref name="rule"/> it is <c>{}</c>.</summary>
    public PolicyBuilder Ingress(Action<RuleBuilder>? rule = null)
    {
        _ingressWritten = true;
        _rules.Add((Direction.Ingress, rule));
        return this;
    }

    /// <summary>Appends an egress rule; without <paramref name="rule"/> it is <c>{}</c>.</summary>
    public PolicyBuilder Egress(Action<RuleBuilder>? rule = null)
    {
        _egressWritten = true;
        _rules.Add((Direction.Egress, rule));
        return this;
    }

    /// <summary>Writes <c>ingress: []</c> (when no ingress rule is added).</summary>
    public PolicyBuilder NoIngressRules()
    {
        _ingressWritten = true;
        return this;
    }

    /// <summary>Writes <c>egress: []</c> (when no egress rule is added).</summary>
    public PolicyBuilder NoEgressRules()
    {
        _egressWritten = true;
        return this;
    }

    internal NetworkPolicy Build(string ns, string name, Func<SourceSpan> nextSpan)
    {
        var span = nextSpan();
        var ingress = new List<PolicyRule>();
        var egress = new List<PolicyRule>();
        foreach (var (direction, configure) in _rules)
        {
            var builder = new RuleBuilder();
            configure?.Invoke(builder);
            var list = direction == Direction.Ingress ? ingress : egress;
            list.Add(builder.Build(direction, list.Count, nextSpan()));
        }

        return new NetworkPolicy(
            ns,
            name,
            _podSelector,
            _types,
            _ingressWritten ? [.. ingress] : null,
            _egressWritten ? [.. egress] : null,
            span);
    }
}
