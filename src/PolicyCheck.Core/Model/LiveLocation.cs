using System.Text.Json.Nodes;

namespace PolicyCheck.Core.Model;

/// <summary>
/// Where a live object read from a cluster is said to be: <c>cluster://CONTEXT/NAMESPACE/KIND/NAME</c>, or
/// <c>cluster://CONTEXT/KIND/NAME</c> for a cluster-scoped object (a Namespace). The context is the URI's host, so
/// every character but ASCII letters, digits, '-', '_' and '.' becomes '-' (an EKS context
/// <c>arn:aws:eks:eu-west-1:1234:cluster/shop</c> reads <c>arn-aws-eks-eu-west-1-1234-cluster-shop</c>; URI parsers
/// such as .NET's refuse a percent-encoded host); the other parts are percent-encoded. The result is one valid
/// absolute URI, which SARIF keeps as the artifact's URI.
/// </summary>
public static class LiveLocation
{
    public const string Scheme = "cluster";

    public static string Of(string context, string? ns, string kind, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(name);
        var authority = Host(context);
        return string.IsNullOrEmpty(ns)
            ? $"{Scheme}://{authority}/{Uri.EscapeDataString(kind)}/{Uri.EscapeDataString(name)}"
            : $"{Scheme}://{authority}/{Uri.EscapeDataString(ns)}/{Uri.EscapeDataString(kind)}/{Uri.EscapeDataString(name)}";
    }

    /// <summary>The location of an object as the API returns it (kind, metadata.namespace, metadata.name).</summary>
    public static string Of(string context, JsonObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var metadata = item["metadata"] as JsonObject;
        return Of(context, Text(metadata?["namespace"]), Text(item["kind"]) ?? "Unknown", Text(metadata?["name"]) ?? "unnamed");
    }

    private static string Host(string context)
    {
        var host = string.Create(context.Length, context, static (chars, text) =>
        {
            for (var i = 0; i < text.Length; i++)
                chars[i] = char.IsAsciiLetterOrDigit(text[i]) || text[i] is '-' or '_' or '.' ? text[i] : '-';
        }).Trim('.');
        return host.Length == 0 ? "cluster" : host;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
