using System.Net.Sockets;
using PolicyCheck.Manifests.Syntax;
using PolicyCheck.Yaml;

namespace PolicyCheck.Manifests.Objects;

/// <summary>
/// Reads a discovery.k8s.io/v1 EndpointSlice, as <c>kubectl get endpointslices -o yaml</c> and a cluster audit give
/// them, and checks it the way the API server would: an <c>addressType</c> of IPv4, IPv6 or FQDN, addresses of that
/// type, ports in range. The slice belongs to the Service its <c>kubernetes.io/service-name</c> label names.
/// </summary>
/// <remarks>
/// The model derives a Service's backends from its selector and the pods loaded (<c>ServiceEndpoints</c>), which
/// the EndpointSlice controller also does, so no report needs the slices themselves yet: a valid slice is read,
/// counted as loaded and not kept; an invalid one is reported like any other object.
/// </remarks>
internal static class EndpointSliceReader
{
    /// <summary>The label the EndpointSlice controller (and kube-proxy) use to tie a slice to its Service.</summary>
    public const string ServiceNameLabel = "kubernetes.io/service-name";

    /// <summary>The name of the Service the slice belongs to, or null (no label, or the slice was rejected).</summary>
    public static string? Read(ObjectContext context, YamlMapping root, ObjectMetadata metadata)
    {
        var addressTypeNode = root["addressType"];
        var addressType = context.ReadString(addressTypeNode, "addressType");
        if (addressType is null)
            context.Reject(LoadDiagnostics.MissingField, root, "addressType");
        else if (addressType is not ("IPv4" or "IPv6" or "FQDN"))
            context.Reject(LoadDiagnostics.WrongType, addressTypeNode!, "addressType", "IPv4, IPv6 or FQDN", $"the string '{addressType}'");

        foreach (var item in context.ReadSequence(root["endpoints"], "endpoints")?.Items ?? [])
        {
            var endpoint = context.ReadItem(item, "endpoints");
            if (endpoint is null)
                continue;
            context.CheckFields(endpoint, ObjectFields.EndpointSliceEndpoint);
            var addresses = context.ReadSequence(endpoint["addresses"], "addresses");
            if (addresses is null)
            {
                context.Reject(LoadDiagnostics.MissingField, endpoint, "addresses");
                continue;
            }

            foreach (var address in addresses.Items)
                CheckAddress(context, address, addressType);
            var conditions = context.ReadMapping(endpoint["conditions"], "conditions");
            context.CheckFields(conditions, ObjectFields.EndpointConditions);
            context.ReadBoolean(conditions?["ready"], "ready");
            context.ReadBoolean(conditions?["serving"], "serving");
            context.ReadBoolean(conditions?["terminating"], "terminating");
        }

        foreach (var item in context.ReadSequence(root["ports"], "ports")?.Items ?? [])
        {
            if (context.ReadItem(item, "ports") is not { } port)
                continue;
            context.CheckFields(port, ObjectFields.EndpointSlicePort);
            context.ReadString(port["name"], "name");
            context.ReadPort(port["port"], "port", zeroMeansUnset: true);
            context.ReadProtocol(port["protocol"], "protocol", emptyMeansTcp: true);
        }

        if (context.Rejected)
            return null;
        return metadata.Labels.TryGetValue(ServiceNameLabel, out var service) && service.Length > 0 ? service : null;
    }

    private static void CheckAddress(ObjectContext context, YamlNode node, string? addressType)
    {
        var text = context.ReadString(node, "addresses");
        if (text is null || addressType is not ("IPv4" or "IPv6"))
            return; // FQDN addresses are names; an unknown type was reported already
        var family = addressType == "IPv4" ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;
        if (StrictIp.Parse(text) is not { } address || address.AddressFamily != family)
            context.Reject(LoadDiagnostics.WrongType, node, "addresses", $"an {addressType} address", $"the string '{text}'");
    }
}
