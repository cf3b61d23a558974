using System.Text.Json;
using PolicyCheck.Core.Engine;

namespace PolicyCheck.Reporting.Formats;

/// <summary>
/// The network plugin model in words: the <c>networkPlugin</c> object every JSON document and SARIF run carries, and
/// the line the text formats show when the model is not the generic default. The words are those of the command-line
/// options (<c>--cni</c>, <c>--hostnetwork-pods</c>, …), so a recorded model can be typed back.
/// </summary>
public static class NetworkPluginText
{
    /// <summary>Writes <c>"networkPlugin": {...}</c> into the open object.</summary>
    public static void WriteJson(Utf8JsonWriter json, EvaluationOptions? plugin)
    {
        ArgumentNullException.ThrowIfNull(json);
        plugin ??= EvaluationOptions.Default;
        json.WriteStartObject("networkPlugin");
        json.WriteString("profile", plugin.Profile.ToName());
        json.WriteString("hostNetworkPods", plugin.HostNetworkPods.ToName());
        json.WriteString("ipBlockPods", plugin.IpBlockPods.ToName());
        json.WriteString("endPort", plugin.EndPort.ToName());
        json.WriteString("sctp", plugin.Sctp.ToName());
        // Fixed: every plugin lets a node reach its own pods (kubelet probes); the node is no matrix subject.
        json.WriteString("nodeToLocalPods", "allowed");
        json.WriteEndObject();
    }

    /// <summary>
    /// <c>Network plugin: cilium (hostNetwork pods ignore, ipBlock pods ignore, endPort honor, SCTP unsupported).</c>,
    /// or <c>null</c> for the generic default, which the text formats leave unsaid.
    /// </summary>
    public static string? Line(EvaluationOptions? plugin)
    {
        if (plugin is null || plugin == EvaluationOptions.Default)
            return null;
        return $"Network plugin: {plugin.Profile.ToName()} (hostNetwork pods {plugin.HostNetworkPods.ToName()}, ipBlock pods " +
               $"{plugin.IpBlockPods.ToName()}, endPort {plugin.EndPort.ToName()}, SCTP {plugin.Sctp.ToName()}).";
    }
}
