using PolicyCheck.Core.Explain;

namespace PolicyCheck.Reporting.Explain;

/// <summary>One sentence per <see cref="Reason"/>, shared by every format so they say the same thing.</summary>
public static class ReasonText
{
    /// <summary>The sentence for <paramref name="reason"/>; <paramref name="hints"/> (default <see cref="ExplainHints.Plain"/>) name the settings it refers to.</summary>
    public static string Describe(Reason reason, ExplainHints? hints = null)
    {
        ArgumentNullException.ThrowIfNull(reason);
        hints ??= ExplainHints.Plain;
        var (key, expected, actual) = (reason.Key, reason.Expected, reason.Actual);
        return reason.Kind switch
        {
            ReasonKind.SelfTraffic => "A pod may always talk to itself: policies are not consulted.",
            ReasonKind.BetweenReplicas => $"Both ends are the same workload, which has {actual} pods: one pod to another is governed by " +
                                          "the policies like any pair (only a pod to itself is always allowed).",
            ReasonKind.ExternalToExternal => "Both ends are outside the cluster: that traffic is not the cluster's to allow, so nothing is listed.",
            ReasonKind.ExternalEnd => "This end is outside the cluster: no policy governs it, so this side allows everything.",
            ReasonKind.HostNetworkPod => "The pod uses hostNetwork: NetworkPolicy does not govern it, so this side allows everything" + Setting(hints.HostNetworkPodsIgnored),
            ReasonKind.NotIsolated => $"No NetworkPolicy of type {key} selects the pod: it is not isolated for {key?.ToLowerInvariant()}, so this side allows everything.",
            ReasonKind.Isolated => $"Selected by {actual} {(actual == "1" ? "NetworkPolicy" : "NetworkPolicies")} of type {key}: only what their rules allow passes.",
            ReasonKind.AllPeers => "The rule lists no peers: it matches every peer, outside addresses included.",
            ReasonKind.AllPorts => "The rule lists no ports: it matches every port of every protocol.",
            ReasonKind.OtherNamespace => $"A podSelector without namespaceSelector looks only in namespace '{expected}'; the pod is in '{actual}'.",
            ReasonKind.PodSelectorMatched => $"podSelector '{expected}' matches the pod.",
            ReasonKind.PodLabelMissing => $"podSelector needs label '{key}={expected}'; the pod has no '{key}' label.",
            ReasonKind.PodLabelDiffers => $"podSelector needs label '{key}={expected}'; the pod has '{key}={actual}'.",
            ReasonKind.PodExpressionFailed => actual is null
                ? $"podSelector requirement '{expected}' does not hold: the pod has no '{key}' label."
                : $"podSelector requirement '{expected}' does not hold: the pod has '{key}={actual}'.",
            ReasonKind.NamespaceSelectorMatched => $"namespaceSelector '{expected}' matches namespace '{actual}'.",
            ReasonKind.NamespaceLabelMissing => $"namespaceSelector needs label '{key}={expected}'; the namespace has no '{key}' label.",
            ReasonKind.NamespaceLabelDiffers => $"namespaceSelector needs label '{key}={expected}'; the namespace has '{key}={actual}'.",
            ReasonKind.NamespaceExpressionFailed => actual is null
                ? $"namespaceSelector requirement '{expected}' does not hold: the namespace has no '{key}' label."
                : $"namespaceSelector requirement '{expected}' does not hold: the namespace has '{key}={actual}'.",
            ReasonKind.HostNetworkPeer => $"'{actual}' uses hostNetwork: pod and namespace selectors never match it (its traffic carries the node's address)" + Setting(hints.HostNetworkPodsIgnored),
            ReasonKind.HostNetworkPodSelected => $"'{actual}' uses hostNetwork, and the network plugin is assumed to select and isolate it like any pod" + Setting(hints.HostNetworkPodsSelected),
            ReasonKind.ExternalNotSelectable => $"'{actual}' is outside the cluster: pod and namespace selectors never match it.",
            ReasonKind.IpBlockMatched => $"{actual} is inside ipBlock {key} and outside every except.",
            ReasonKind.IpOutsideCidr => $"{actual} is outside ipBlock {key}.",
            ReasonKind.IpExcepted => $"{actual} is inside the ipBlock but excepted by {key}.",
            ReasonKind.NoKnownPodIps => $"The pod IPs of '{actual}' are not known, so ipBlock {key} cannot match it.",
            ReasonKind.IpBlockPodsIgnored => hints.IpBlockPodsIgnored is { } setting
                ? $"ipBlock {key} is not applied to pods ({setting})."
                : $"ipBlock {key} is not applied to pods.",
            ReasonKind.PortNumber => $"{expected}.",
            ReasonKind.PortWholeProtocol => $"every {expected} port.",
            ReasonKind.EndPortIgnored => $"{expected} alone: the network plugin is assumed to ignore endPort {actual}" + Setting(hints.EndPortIgnored),
            ReasonKind.SctpUnsupported => "nothing: the network plugin is assumed not to support SCTP in policies" + Setting(hints.SctpUnsupported),
            ReasonKind.NamedPortResolved => $"named port '{key}' is {actual} on the destination.",
            ReasonKind.NamedPortUndefined => $"named port '{key}' is not defined on the destination '{actual}', so it matches nothing.",
            ReasonKind.NamedPortOtherProtocol => $"named port '{key}' is defined on the destination for {actual}, not {expected}, so it matches nothing.",
            ReasonKind.NamedPortExternal => $"named port '{key}' never matches a destination outside the cluster.",
            ReasonKind.PortQueryUnresolved => $"The destination has no container port named '{key}', so nothing can reach it by that name.",
            _ => throw new ArgumentOutOfRangeException(nameof(reason), reason.Kind, null),
        };
    }

    /// <summary>The end of a sentence that names the setting behind it: <c> (--sctp=unsupported).</c>, or just <c>.</c>.</summary>
    private static string Setting(string? setting) => setting is null ? "." : $" ({setting}).";
}
