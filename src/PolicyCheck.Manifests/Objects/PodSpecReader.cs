using System.Collections.Immutable;
using PolicyCheck.Core.Model;
using PolicyCheck.Manifests.Syntax;
using PolicyCheck.Yaml;

namespace PolicyCheck.Manifests.Objects;

/// <summary>Reads pod templates and pod specs: labels, the ports of <c>containers</c> (not init containers) and hostNetwork and enableServiceLinks.</summary>
internal static class PodSpecReader
{
    /// <summary>A <c>PodTemplateSpec</c>, or null when absent (the caller reports it as required).</summary>
    public static PodTemplate? ReadTemplate(ObjectContext context, YamlNode? node)
    {
        var template = context.ReadMapping(node, "template");
        if (template is null)
            return null;
        context.CheckFields(template, ObjectFields.PodTemplate);
        var metadata = context.ReadMapping(template["metadata"], "metadata");
        context.CheckFields(metadata, ObjectFields.Metadata);
        var labels = LabelReader.Read(context, metadata?["labels"], "labels") ?? Labels.Empty;
        return ReadSpec(context, context.ReadMapping(template["spec"], "spec"), labels);
    }

    /// <summary>A pod spec with the given labels; an absent spec contributes nothing but the labels.</summary>
    public static PodTemplate ReadSpec(ObjectContext context, YamlMapping? spec, ImmutableSortedDictionary<string, string> labels)
    {
        if (spec is null)
            return new PodTemplate(labels, [], false);
        context.CheckFields(spec, ObjectFields.PodSpec);
        var hostNetwork = context.ReadBoolean(spec["hostNetwork"], "hostNetwork") ?? false;
        var enableServiceLinks = context.ReadBoolean(spec["enableServiceLinks"], "enableServiceLinks") ?? true;
        var hostname = context.ReadString(spec["hostname"], "hostname");
        var subdomain = context.ReadString(spec["subdomain"], "subdomain");
        var containers = context.ReadSequence(spec["containers"], "containers");
        var ports = ImmutableArray.CreateBuilder<ContainerPort>();
        foreach (var item in containers?.Items ?? [])
        {
            // A container that is not a mapping, or whose own fields are wrong, is left out on its own with its
            // ports (all a container contributes); so is an invalid port entry: the rest of the workload still loads.
            var containerPart = context.Part("container");
            var container = containerPart.ReadMapping(item, "containers");
            containerPart.CheckFields(container, ObjectFields.Container);
            var portList = containerPart.ReadSequence(container?["ports"], "ports");
            if (containerPart.Rejected)
                continue;
            foreach (var portNode in portList?.Items ?? [])
            {
                var part = context.Part("container port");
                if (part.ReadItem(portNode, "ports") is { } port && ReadContainerPort(part, port) is { } read && !part.Rejected)
                    ports.Add(read);
            }
        }

        foreach (var item in context.ReadSequence(spec["initContainers"], "initContainers")?.Items ?? [])
            context.CheckFields(context.ReadMapping(item, "initContainers"), ObjectFields.Container);

        return new PodTemplate(labels, ports.DrainToImmutable(), hostNetwork, enableServiceLinks,
            string.IsNullOrEmpty(hostname) ? null : hostname, string.IsNullOrEmpty(subdomain) ? null : subdomain);
    }

    private static ContainerPort? ReadContainerPort(ObjectContext context, YamlMapping port)
    {
        context.CheckFields(port, ObjectFields.ContainerPort);
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
