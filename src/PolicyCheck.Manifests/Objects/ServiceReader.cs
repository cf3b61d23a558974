using System.Collections.Immutable;
using PolicyCheck.Core.Model;
using PolicyCheck.Manifests.Syntax;
using PolicyCheck.Yaml;

namespace PolicyCheck.Manifests.Objects;

/// <summary>Reads a core/v1 Service with the API server's defaults (type ClusterIP, protocol TCP).</summary>
internal static class ServiceReader
{
    public static Service? Read(ObjectContext context, YamlMapping root, ObjectMetadata metadata)
    {
        var spec = context.ReadMapping(root["spec"], "spec");
        context.CheckFields(spec, ObjectFields.ServiceSpec);
        var type = ServiceType.ClusterIP;
        string? clusterIp = null, externalName = null, externalTrafficPolicy = null;
        bool? allocateNodePorts = null;
        ImmutableSortedDictionary<string, string>? selector = null;
        ImmutableArray<ServicePort>? ports = null;
        SourceSpan? selectorSpan = null, clusterIpSpan = null, portsSpan = null, typeSpan = null, externalNameSpan = null;
        foreach (var (key, value) in spec?.Entries ?? [])
        {
            switch (key.Value)
            {
                case "type":
                    type = ReadType(context, value) ?? type;
                    typeSpan = EntrySpan(context, key, value);
                    break;
                case "clusterIP":
                    clusterIp = context.ReadString(value, key.Value);
                    clusterIpSpan = EntrySpan(context, key, value);
                    break;
                case "selector":
                    selector = LabelReader.Read(context, value, key.Value);
                    selectorSpan = EntrySpan(context, key, value);
                    break;
                case "ports":
                    ports = ReadPorts(context, value);
                    portsSpan = EntrySpan(context, key, value);
                    break;
                case "externalName":
                    externalName = context.ReadString(value, key.Value);
                    externalNameSpan = EntrySpan(context, key, value);
                    break;
                case "externalTrafficPolicy":
                    externalTrafficPolicy = context.ReadString(value, key.Value);
                    break;
                case "allocateLoadBalancerNodePorts":
                    allocateNodePorts = context.ReadBoolean(value, key.Value);
                    break;
            }
        }

        return context.Rejected
            ? null
            : new Service(metadata.Namespace, metadata.Name, type, clusterIp, selector, ports ?? [], externalName,
                externalTrafficPolicy, allocateNodePorts, context.Span(root), selectorSpan, clusterIpSpan, portsSpan, typeSpan, externalNameSpan);
    }

    private static ServiceType? ReadType(ObjectContext context, YamlNode node)
    {
        var text = context.ReadString(node, "type");
        switch (text)
        {
            case null or "": return null;
            case "ClusterIP": return ServiceType.ClusterIP;
            case "NodePort": return ServiceType.NodePort;
            case "LoadBalancer": return ServiceType.LoadBalancer;
            case "ExternalName": return ServiceType.ExternalName;
            default:
                context.Reject(LoadDiagnostics.InvalidServiceType, node, text);
                return null;
        }
    }

    /// <summary>The ports; an invalid port entry is left out on its own and the Service still loads with the others.</summary>
    private static ImmutableArray<ServicePort>? ReadPorts(ObjectContext context, YamlNode node) =>
        context.ReadList(node, "ports", (port, _) =>
        {
            var part = context.Part("Service port");
            var read = ReadPort(part, port);
            return part.Rejected ? null : read;
        });

    private static ServicePort? ReadPort(ObjectContext context, YamlMapping port)
    {
        context.CheckFields(port, ObjectFields.ServicePort);
        var name = context.ReadString(port["name"], "name");
        if (!string.IsNullOrEmpty(name) && PortNameSyntax.CheckServicePortName(name) is { } nameProblem)
            context.Reject(LoadDiagnostics.InvalidPortName, port["name"]!, name, nameProblem); // name was read from it
        var protocol = context.ReadProtocol(port["protocol"], "protocol", emptyMeansTcp: true) ?? Protocol.Tcp;
        var portNode = port["port"];
        var number = context.ReadPort(portNode, "port");
        if (portNode is null or YamlScalar { IsNull: true })
            context.Reject(LoadDiagnostics.MissingField, port, "port");
        var targetPort = ReadTargetPort(context, port["targetPort"]);
        var nodePort = context.ReadPort(port["nodePort"], "nodePort", zeroMeansUnset: true);
        return number is null
            ? null
            : new ServicePort(string.IsNullOrEmpty(name) ? null : name, protocol, number.Value, targetPort, nodePort, context.Span(port),
                targetPort is null ? null : EntrySpan(context, port, "targetPort"),
                nodePort is null ? null : EntrySpan(context, port, "nodePort"),
                EntrySpan(context, port, "port"));
    }

    /// <summary>From the key to the end of the value, so that a finding points at the whole field.</summary>
    private static SourceSpan EntrySpan(ObjectContext context, YamlScalar key, YamlNode value)
    {
        var (start, end) = (context.Span(key), context.Span(value));
        return start with { EndLine = end.EndLine, EndColumn = end.EndColumn };
    }

    private static SourceSpan? EntrySpan(ObjectContext context, YamlMapping mapping, string key)
    {
        foreach (var entry in mapping.Entries)
        {
            if (string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
                return EntrySpan(context, entry.Key, entry.Value);
        }

        return null;
    }

    /// <summary>A number in 1–65535 or a container port name; 0 and "" mean "same as port", as the API server defaults them.</summary>
    private static PortValue? ReadTargetPort(ObjectContext context, YamlNode? node)
    {
        var value = context.ReadIntOrString(node, "targetPort");
        switch (value)
        {
            case { Number: 0 } or { Name: "" }:
                return null;
            case { Number: { } number } when number is < 1 or > 65535:
                context.Reject(LoadDiagnostics.PortOutOfRange, node!, number, "targetPort"); // a value was read from it
                break;
            case { Name: { } name } when PortNameSyntax.CheckServiceName(name) is { } problem:
                context.Reject(LoadDiagnostics.InvalidPortName, node!, name, problem);
                break;
        }

        return value;
    }
}
