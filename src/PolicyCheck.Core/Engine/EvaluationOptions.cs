namespace PolicyCheck.Core.Engine;

/// <summary>
/// The network plugin model an evaluation assumes: the choices the NetworkPolicy API leaves to the plugin, one
/// switch each, with the <see cref="Profile"/> they started from. <see cref="Default"/> is the generic profile
/// (docs/semantics.md, "Network plugin profiles"). Traffic from a node to its own pods (kubelet probes) is always
/// allowed by every plugin and is not a switch: the node is no matrix subject.
/// </summary>
/// <param name="IpBlockPods">Whether ipBlock (CIDR) peers match pods whose IPs are known.</param>
/// <param name="HostNetworkPods">Whether pod and namespace selectors apply to hostNetwork pods.</param>
/// <param name="EndPort">Whether a port entry's endPort widens it to a range or the entry applies to its port alone.</param>
/// <param name="Sctp">Whether SCTP port entries allow anything.</param>
/// <param name="Profile">The plugin the switches came from; a switch given on its own overrides the profile's value.</param>
public sealed record EvaluationOptions(
    IpBlockPodMatching IpBlockPods = IpBlockPodMatching.Match,
    HostNetworkPodHandling HostNetworkPods = HostNetworkPodHandling.Ignore,
    EndPortHandling EndPort = EndPortHandling.Honor,
    SctpSupport Sctp = SctpSupport.Supported,
    NetworkPlugin Profile = NetworkPlugin.Generic)
{
    /// <summary>The generic profile: what the Kubernetes documentation describes, and what most plugins do.</summary>
    public static EvaluationOptions Default { get; } = new();

    /// <summary>The switches of one plugin's profile (the table in docs/semantics.md, with the sources of each).</summary>
    public static EvaluationOptions For(NetworkPlugin plugin) => plugin switch
    {
        NetworkPlugin.Generic => Default,
        NetworkPlugin.Calico => new(Profile: NetworkPlugin.Calico),
        // Cilium: "CIDR-based selectors do not match in-cluster entities"; SCTP is beta and off unless sctp.enabled.
        NetworkPlugin.Cilium => new(IpBlockPodMatching.Ignore, Sctp: SctpSupport.Unsupported, Profile: NetworkPlugin.Cilium),
        NetworkPlugin.Antrea => new(Profile: NetworkPlugin.Antrea),
        NetworkPlugin.OvnKubernetes => new(Profile: NetworkPlugin.OvnKubernetes),
        _ => throw new ArgumentOutOfRangeException(nameof(plugin), plugin, "Not a network plugin profile."),
    };

    /// <summary>Whether selectors match hostNetwork pods and policies isolate them, as for any pod.</summary>
    public bool SelectsHostNetworkPods => HostNetworkPods == HostNetworkPodHandling.Select;
}
