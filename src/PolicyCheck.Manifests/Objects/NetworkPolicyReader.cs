using System.Collections.Immutable;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Selectors;
using PolicyCheck.Manifests.Syntax;
using PolicyCheck.Yaml;

namespace PolicyCheck.Manifests.Objects;

/// <summary>
/// Reads a networking.k8s.io/v1 NetworkPolicy as written (absent stays null, empty stays empty) and validates it as
/// the API server does. Its schema is small and closed, so an unknown field (<c>namespaceSelecter</c>, <c>to</c> in an
/// ingress rule) is an error: kubectl's default strict validation refuses it, and ignoring it would change meaning.
/// </summary>
internal static class NetworkPolicyReader
{
    private static readonly FieldSet SpecFields = FieldSet.Of("a NetworkPolicy spec", strict: true, "podSelector policyTypes ingress egress");
    private static readonly FieldSet IngressRuleFields = FieldSet.Of("an ingress rule", strict: true, "from ports");
    private static readonly FieldSet EgressRuleFields = FieldSet.Of("an egress rule", strict: true, "to ports");
    private static readonly FieldSet PeerFields = FieldSet.Of("a peer", strict: true, "podSelector namespaceSelector ipBlock");
    private static readonly FieldSet IpBlockFields = FieldSet.Of("an ipBlock", strict: true, "cidr except");
    private static readonly FieldSet PortFields = FieldSet.Of("a port", strict: true, "protocol port endPort");

    public static NetworkPolicy? Read(ObjectContext context, YamlMapping root, ObjectMetadata metadata)
    {
        var spec = context.ReadMapping(root["spec"], "spec");
        LabelSelector? podSelector = null;
        ImmutableArray<Direction>? policyTypes = null;
        ImmutableArray<PolicyRule>? ingress = null, egress = null;
        foreach (var (key, value) in spec?.Entries ?? [])
        {
            switch (key.Value)
            {
                case "podSelector":
                    podSelector = SelectorReader.Read(context, value, key.Value, strict: true);
                    break;
                case "policyTypes":
                    policyTypes = ReadPolicyTypes(context, value);
                    break;
                case "ingress":
                    ingress = ReadRules(context, value, Direction.Ingress);
                    break;
                case "egress":
                    egress = ReadRules(context, value, Direction.Egress);
                    break;
                default:
                    context.RejectUnknown(key, "a NetworkPolicy spec", SpecFields);
                    break;
            }
        }

        // spec.podSelector is not a pointer in the API: absent or null means {}, which selects every pod of the namespace.
        if (podSelector is null)
        {
            var written = spec?["podSelector"];
            context.Report(LoadDiagnostics.PolicySelectsEveryPod, written ?? spec ?? (YamlNode)root,
                written is null ? "absent" : "null", metadata.Namespace);
            podSelector = LabelSelector.Everything with { Span = context.Span(written ?? spec ?? (YamlNode)root) };
        }

        return context.Rejected
            ? null
            : new NetworkPolicy(metadata.Namespace, metadata.Name, podSelector, policyTypes, ingress, egress, context.Span(root));
    }

    private static ImmutableArray<Direction>? ReadPolicyTypes(ObjectContext context, YamlNode node)
    {
        var list = context.ReadSequence(node, "policyTypes");
        if (list is null)
            return null;
        var types = ImmutableArray.CreateBuilder<Direction>(list.Items.Length);
        foreach (var item in list.Items)
        {
            var text = context.ReadString(item, "policyTypes");
            Direction? type = text switch
            {
                null => null,
                "Ingress" => Direction.Ingress,
                "Egress" => Direction.Egress,
                _ => null,
            };
            if (text is not null && type is null)
                context.Reject(LoadDiagnostics.InvalidPolicyType, item, text);
            else if (type is { } direction && types.Contains(direction))
                context.Reject(LoadDiagnostics.RepeatedPolicyType, item, text);
            else if (type is { } added)
                types.Add(added);
        }

        return types.ToImmutable();
    }

    private static ImmutableArray<PolicyRule>? ReadRules(ObjectContext context, YamlNode node, Direction direction) =>
        context.ReadList(node, direction == Direction.Ingress ? "ingress" : "egress",
            (rule, index) => ReadRule(context, rule, direction, index));

    private static PolicyRule ReadRule(ObjectContext context, YamlMapping rule, Direction direction, int index)
    {
        var peersField = direction == Direction.Ingress ? "from" : "to";
        ImmutableArray<PolicyPeer>? peers = null;
        ImmutableArray<PolicyPort>? ports = null;
        foreach (var (key, value) in rule.Entries)
        {
            if (key.Value == peersField)
            {
                peers = context.ReadList(value, peersField, (peer, _) => ReadPeer(context, peer));
            }
            else if (key.Value == "ports")
            {
                ports = context.ReadList(value, "ports", (port, _) => ReadPort(context, port));
            }
            else
            {
                context.RejectUnknown(key, direction == Direction.Ingress ? "an ingress rule (it has 'from' and 'ports')" : "an egress rule (it has 'to' and 'ports')",
                    direction == Direction.Ingress ? IngressRuleFields : EgressRuleFields);
            }
        }

        return new PolicyRule(direction, index, peers, ports, context.Span(rule));
    }

    private static PolicyPeer? ReadPeer(ObjectContext context, YamlMapping peer)
    {
        LabelSelector? podSelector = null, namespaceSelector = null;
        IpBlock? ipBlock = null;
        var hasIpBlock = false;
        var hasUnknown = false;
        foreach (var (key, value) in peer.Entries)
        {
            switch (key.Value)
            {
                case "podSelector":
                    podSelector = SelectorReader.Read(context, value, key.Value, strict: true);
                    break;
                case "namespaceSelector":
                    namespaceSelector = SelectorReader.Read(context, value, key.Value, strict: true);
                    break;
                case "ipBlock":
                    var block = context.ReadMapping(value, key.Value);
                    hasIpBlock = block is not null;
                    ipBlock = block is null ? null : ReadIpBlock(context, block);
                    break;
                default:
                    hasUnknown = true;
                    context.RejectUnknown(key, "a peer (it has 'podSelector', 'namespaceSelector' and 'ipBlock')", PeerFields);
                    break;
            }
        }

        var hasSelector = peer["podSelector"] is not (null or YamlScalar { IsNull: true }) ||
                          peer["namespaceSelector"] is not (null or YamlScalar { IsNull: true });
        if (hasIpBlock && hasSelector)
            context.Reject(LoadDiagnostics.IpBlockWithSelector, peer);
        else if (!hasIpBlock && !hasSelector && !hasUnknown)
            context.Reject(LoadDiagnostics.EmptyPeer, peer);
        return new PolicyPeer(podSelector, namespaceSelector, ipBlock, context.Span(peer));
    }

    private static IpBlock? ReadIpBlock(ObjectContext context, YamlMapping block)
    {
        YamlNode? cidrNode = null;
        string? cidrText = null;
        var excepts = new List<(YamlNode Node, string Text)>();
        foreach (var (key, value) in block.Entries)
        {
            switch (key.Value)
            {
                case "cidr":
                    cidrNode = value;
                    cidrText = context.ReadString(value, key.Value);
                    break;
                case "except":
                    foreach (var item in context.ReadSequence(value, key.Value)?.Items ?? [])
                    {
                        if (context.ReadString(item, key.Value) is { } text)
                            excepts.Add((item, text));
                    }

                    break;
                default:
                    context.RejectUnknown(key, "an ipBlock (it has 'cidr' and 'except')", IpBlockFields);
                    break;
            }
        }

        if (string.IsNullOrEmpty(cidrText))
        {
            context.Reject(LoadDiagnostics.MissingField, block, "cidr");
            return null;
        }

        var cidrValid = IpCidr.TryParse(cidrText, out var cidr);
        if (!cidrValid)
            context.Reject(LoadDiagnostics.InvalidCidr, cidrNode!, cidrText); // the text was read from it
        var except = ImmutableArray.CreateBuilder<IpCidr>(excepts.Count);
        foreach (var (node, text) in excepts)
        {
            if (!IpCidr.TryParse(text, out var inner))
                context.Reject(LoadDiagnostics.InvalidCidr, node, text);
            else if (cidrValid && !cidr.StrictlyContains(inner))
                context.Reject(LoadDiagnostics.ExceptOutsideCidr, node, text, cidrText);
            else
                except.Add(inner);
        }

        return cidrValid ? new IpBlock(cidr, except.DrainToImmutable(), context.Span(block)) : null;
    }

    private static PolicyPort? ReadPort(ObjectContext context, YamlMapping port)
    {
        Protocol? protocol = null;
        PortValue? value = null;
        int? endPort = null;
        YamlNode? portNode = null, endPortNode = null;
        foreach (var (key, node) in port.Entries)
        {
            switch (key.Value)
            {
                case "protocol":
                    protocol = context.ReadProtocol(node, key.Value, emptyMeansTcp: false);
                    break;
                case "port":
                    portNode = node;
                    value = context.ReadIntOrString(node, key.Value);
                    break;
                case "endPort":
                    endPortNode = node;
                    endPort = context.ReadPort(node, key.Value);
                    break;
                default:
                    context.RejectUnknown(key, "a port (it has 'protocol', 'port' and 'endPort')", PortFields);
                    break;
            }
        }

        switch (value)
        {
            case { Number: { } number } when number is < 1 or > 65535:
                context.Reject(LoadDiagnostics.PortOutOfRange, portNode!, number, "port"); // value was read from it
                break;
            case { Name: { } name } when PortNameSyntax.CheckServiceName(name) is { } problem:
                context.Reject(LoadDiagnostics.InvalidPortName, portNode!, name, problem);
                break;
        }

        if (endPort is { } end)
        {
            if (value is null)
                context.Reject(LoadDiagnostics.EndPortWithoutPort, endPortNode!); // endPort was read from it
            else if (value.Value.Name is { } name)
                context.Reject(LoadDiagnostics.EndPortWithNamedPort, endPortNode!, name);
            else if (value.Value.Number is { } start && end < start)
                context.Reject(LoadDiagnostics.EndPortBelowPort, endPortNode!, end, start);
        }

        return new PolicyPort(protocol, value, endPort, context.Span(port));
    }
}
