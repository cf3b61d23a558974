using System.Collections.Immutable;
using PolicyCheck.Core.Model;
using PolicyCheck.Manifests.Syntax;
using PolicyCheck.Manifests.Yaml;

namespace PolicyCheck.Manifests.Objects;

/// <summary>Reads pod templates and pod specs: labels, the ports of <c>containers</c> (not init containers) and hostNetwork.</summary>
internal static class PodSpecReader
{
    /// <summary>A <c>PodTemplateSpec</c>, or null when absent (the caller reports it as required).</summary>
    public static PodTemplate? ReadTemplate(ObjectContext context, YamlNode? node)
    {
        var template = context.ReadMapping(node, "template");
        if (template is null)
            return null;
        var metadata = context.ReadMapping(template["metadata"], "metadata");
        var labels = LabelReader.Read(context, metadata?["labels"], "labels") ?? Labels.Empty;
        var (ports, hostNetwork) = ReadSpec(context, context.ReadMapping(template["spec"], "spec"));
        return new PodTemplate(labels, ports, hostNetwork);
    }

    public static (ImmutableArray<ContainerPort> Ports, bool HostNetwork) ReadSpec(ObjectContext context, YamlMapping? spec)
    {
        if (spec is null)
            return ([], false);
        var hostNetwork = context.ReadBoolean(spec["hostNetwork"], "hostNetwork") ?? false;
        var containers = context.ReadSequence(spec["containers"], "containers");
        var ports = ImmutableArray.CreateBuilder<ContainerPort>();
        foreach (var item in containers?.Items ?? [])
        {
            var container = context.ReadMapping(item, "containers");
            foreach (var portNode in context.ReadSequence(container?["ports"], "ports")?.Items ?? [])
            {
                if (context.ReadItem(portNode, "ports") is { } port && ReadContainerPort(context, port) is { } read)
                    ports.Add(read);
            }
        }

        return (ports.DrainToImmutable(), hostNetwork);
    }

    private static ContainerPort? ReadContainerPort(ObjectContext context, YamlMapping port)
    {
        var numberNode = port["containerPort"];
        var number = context.ReadPort(numberNode, "containerPort");
        var name = context.ReadString(port["name"], "name");
        if (!string.IsNullOrEmpty(name) && PortNameSyntax.CheckServiceName(name) is { } problem)
            context.Reject(LoadDiagnostics.InvalidPortName, port["name"]!, name, problem); // name was read from it
        var protocol = context.ReadProtocol(port["protocol"], "protocol", emptyMeansTcp: true) ?? Protocol.Tcp;
        if (numberNode is null or YamlScalar { IsNull: true })
            context.Reject(LoadDiagnostics.MissingField, port, "containerPort");
        return number is null ? null : new ContainerPort(string.IsNullOrEmpty(name) ? null : name, number.Value, protocol, context.Span(port));
    }
}
