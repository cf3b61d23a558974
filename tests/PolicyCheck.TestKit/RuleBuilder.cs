using PolicyCheck.Core.Model;
using PolicyCheck.Core.Selectors;

namespace PolicyCheck.TestKit;

/// <summary>
/// Configures one ingress or egress rule. Nothing called leaves <c>from</c>/<c>to</c> and <c>ports</c> absent;
/// <see cref="NoPeers"/> and <see cref="NoPorts"/> write them as empty lists.
/// </summary>
public sealed class RuleBuilder
{
    private List<PolicyPeer>? _peers;
    private List<PolicyPort>? _ports;

    /// <summary>A peer with only a <c>podSelector</c>: pods in the policy's namespace.</summary>
    public RuleBuilder Pods(LabelSelector pods) => Peer(new PolicyPeer(pods, null, null, SourceSpan.None));

    public RuleBuilder Pods(params (string Key, string Value)[] matchLabels) => Pods(Selector.MatchLabels(matchLabels));

    /// <summary>A peer with only a <c>namespaceSelector</c>: every pod in the matching namespaces.</summary>
    public RuleBuilder Namespaces(LabelSelector namespaces) => Peer(new PolicyPeer(null, namespaces, null, SourceSpan.None));

    public RuleBuilder Namespaces(params (string Key, string Value)[] matchLabels) => Namespaces(Selector.MatchLabels(matchLabels));

    /// <summary>One peer with both selectors (AND).</summary>
    public RuleBuilder PodsInNamespaces(LabelSelector namespaces, LabelSelector pods) =>
        Peer(new PolicyPeer(pods, namespaces, null, SourceSpan.None));

    public RuleBuilder IpBlock(string cidr, params string[] except)
    {
        var block = new IpBlock(ParseCidr(cidr), [.. except.Select(ParseCidr)], SourceSpan.None);
        return Peer(new PolicyPeer(null, null, block, SourceSpan.None));
    }

    public RuleBuilder Peer(PolicyPeer peer)
    {
        (_peers ??= []).Add(peer);
        return this;
    }

    /// <summary>Writes <c>from: []</c> / <c>to: []</c>.</summary>
    public RuleBuilder NoPeers()
    {
        _peers ??= [];
        return this;
    }

    /// <summary>A numeric port; <paramref name="protocol"/> <c>null</c> leaves <c>protocol</c> unwritten (TCP).</summary>
    public RuleBuilder Port(int port, Protocol? protocol = null) =>
        AddPort(new PolicyPort(protocol, PortValue.Of(port), null, SourceSpan.None));

    /// <summary>A named port, resolved against the destination pod's container ports.</summary>
    public RuleBuilder Port(string name, Protocol? protocol = null) =>
        AddPort(new PolicyPort(protocol, PortValue.Of(name), null, SourceSpan.None));

    /// <summary><c>port: first, endPort: last</c>.</summary>
    public RuleBuilder PortRange(int first, int last, Protocol? protocol = null) =>
        AddPort(new PolicyPort(protocol, PortValue.Of(first), last, SourceSpan.None));

    /// <summary>A port entry with no <c>port</c>: every port of the protocol.</summary>
    public RuleBuilder AnyPort(Protocol? protocol = null) => AddPort(new PolicyPort(protocol, null, null, SourceSpan.None));

    public RuleBuilder AddPort(PolicyPort port)
    {
        (_ports ??= []).Add(port);
        return this;
    }

    /// <summary>Writes <c>ports: []</c>.</summary>
    public RuleBuilder NoPorts()
    {
        _ports ??= [];
        return this;
    }

    internal PolicyRule Build(Direction direction, int index, SourceSpan span) =>
        new(direction, index, _peers is null ? null : [.. _peers], _ports is null ? null : [.. _ports], span);

    private static IpCidr ParseCidr(string text) =>
        IpCidr.TryParse(text, out var cidr) ? cidr : throw new ArgumentException($"'{text}' is not a CIDR.", nameof(text));
}
