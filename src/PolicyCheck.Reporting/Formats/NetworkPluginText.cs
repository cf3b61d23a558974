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
    public static string Name(NetworkPlugin plugin) => plugin switch
    {
        NetworkPlugin.Generic => "generic",
        NetworkPlugin.Calico => "calico",
        NetworkPlugin.Cilium => "cilium",
        NetworkPlugin.Antrea => "antrea",
        NetworkPlugin.OvnKubernetes => "ovn-kubernetes",
        _ => throw new ArgumentOutOfRangeException(nameof(plugin), plugin, null),
    };

    public static string Name(HostNetworkPodHandling value) => value == HostNetworkPodHandling.Select ? "select" : "ignore";

    public static string Name(IpBlockPodMatching value) => value == IpBlockPodMatching.Ignore ? "ignore" : "match";

    public static string Name(EndPortHandling value) => value == EndPortHandling.Ignore ? "ignore" : "honor";

    public static string Name(SctpSupport value) => value == SctpSupport.Unsupported ? "unsupported" : "supported";

    /// <summary>Writes <c>"networkPlugin": {...}</c> into the open object.</summary>
    public static void WriteJson(Utf8JsonWriter json, EvaluationOptions? plugin)
    {
        ArgumentNullException.ThrowIfNull(json);
        plugin ??= EvaluationOptions.Default;
        json.WriteStartObject("networkPlugin");
        json.WriteString("profile", Name(plugin.Profile));
        json.WriteString("hostNetworkPods", Name(plugin.HostNetworkPods));
        json.WriteString("ipBlockPods", Name(plugin.IpBlockPods));
        json.WriteString("endPort", Name(plugin.EndPort));
        json.WriteString("sctp", Name(plugin.Sctp));
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
        return $"Network plugin: {Name(plugin.Profile)} (hostNetwork pods {Name(plugin.HostNetworkPods)}, ipBlock pods " +
               $"{Name(plugin.IpBlockPods)}, endPort {Name(plugin.EndPort)}, SCTP {Name(plugin.Sctp)}).";
    }
}
