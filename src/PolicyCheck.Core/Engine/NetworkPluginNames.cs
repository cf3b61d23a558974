namespace PolicyCheck.Core.Engine;

/// <summary>
/// The words of the network plugin model as the command line and the outputs spell them (<c>--cni cilium</c>,
/// <c>"sctp": "unsupported"</c>), in one place so that a recorded model can be typed back.
/// </summary>
public static class NetworkPluginNames
{
    public static string ToName(this NetworkPlugin plugin) => plugin switch
    {
        NetworkPlugin.Generic => "generic",
        NetworkPlugin.Calico => "calico",
        NetworkPlugin.Cilium => "cilium",
        NetworkPlugin.Antrea => "antrea",
        NetworkPlugin.OvnKubernetes => "ovn-kubernetes",
        _ => throw new ArgumentOutOfRangeException(nameof(plugin), plugin, null),
    };

    public static string ToName(this HostNetworkPodHandling value) => value == HostNetworkPodHandling.Select ? "select" : "ignore";

    public static string ToName(this IpBlockPodMatching value) => value == IpBlockPodMatching.Ignore ? "ignore" : "match";

    public static string ToName(this EndPortHandling value) => value == EndPortHandling.Ignore ? "ignore" : "honor";

    public static string ToName(this SctpSupport value) => value == SctpSupport.Unsupported ? "unsupported" : "supported";

    /// <summary>
    /// A switch's setting as the command line writes it, with the profile it came from when that profile chose it:
    /// <c>--sctp=unsupported</c>, or <c>--sctp=unsupported, as the cilium profile assumes</c>.
    /// </summary>
    /// <param name="fromProfile">Whether <paramref name="options"/>' profile has this same value for the switch.</param>
    public static string Setting(EvaluationOptions options, string option, string value, bool fromProfile)
    {
        ArgumentNullException.ThrowIfNull(options);
        var setting = $"{option}={value}";
        return fromProfile && options.Profile != NetworkPlugin.Generic ? $"{setting}, as the {options.Profile.ToName()} profile assumes" : setting;
    }
}
