using System.Collections.Immutable;
using System.Net;
using PolicyCheck.Manifests.Syntax;
using PolicyCheck.Yaml;

namespace PolicyCheck.Manifests.Objects;

/// <summary>Reads a Pod: its spec like a template, plus owner, phase and the IPs of <c>status</c>.</summary>
internal static class PodReader
{
    public static LoadedPod? Read(ObjectContext context, YamlMapping root, ObjectMetadata metadata)
    {
        var template = PodSpecReader.ReadSpec(context, context.ReadMapping(root["spec"], "spec"), metadata.Labels);
        var status = context.ReadMapping(root["status"], "status");
        context.CheckFields(status, ObjectFields.PodStatus);
        var phase = context.ReadString(status?["phase"], "phase");
        var ips = ImmutableArray.CreateBuilder<IPAddress>();
        AddIp(context, status?["podIP"], "podIP", ips);
        foreach (var item in context.ReadSequence(status?["podIPs"], "podIPs")?.Items ?? [])
        {
            var entry = context.ReadMapping(item, "podIPs");
            context.CheckFields(entry, ObjectFields.PodIp);
            AddIp(context, entry?["ip"], "ip", ips);
        }

        return context.Rejected
            ? null
            : new LoadedPod(metadata.Namespace, metadata.Name, template, metadata.Controller, ips.DrainToImmutable(), phase, context.Span(root));
    }

    private static void AddIp(ObjectContext context, YamlNode? node, string field, ImmutableArray<IPAddress>.Builder ips)
    {
        var text = context.ReadString(node, field);
        if (string.IsNullOrEmpty(text))
            return;
        if (StrictIp.Parse(text) is not { } address)
            context.Reject(LoadDiagnostics.WrongType, node!, field, "an IP address", $"the string '{text}'"); // text was read from it
        else if (!ips.Contains(address))
            ips.Add(address);
    }
}
