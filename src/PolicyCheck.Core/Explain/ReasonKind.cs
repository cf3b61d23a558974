namespace PolicyCheck.Core.Explain;

/// <summary>
/// What one piece of evidence says. <see cref="Reason.Key"/>, <see cref="Reason.Expected"/> and
/// <see cref="Reason.Actual"/> carry the values each kind documents.
/// </summary>
public enum ReasonKind
{
    /// <summary>A pod may always talk to itself; policies are not consulted.</summary>
    SelfTraffic,

    /// <summary>
    /// Both ends are the same workload, which has Actual pods: one pod to another is governed by the policies like any
    /// pair (only a pod to itself is always allowed).
    /// </summary>
    BetweenReplicas,

    /// <summary>Both ends are outside the cluster: not the cluster's traffic, so nothing is listed as allowed.</summary>
    ExternalToExternal,

    /// <summary>This side's end is outside the cluster: no policy governs it, so this side allows everything.</summary>
    ExternalEnd,

    /// <summary>The pod uses the node's network (hostNetwork): policies do not govern it, so this side allows everything.</summary>
    HostNetworkPod,

    /// <summary>No policy of this direction (Key: Ingress or Egress) selects the pod, so the direction allows everything.</summary>
    NotIsolated,

    /// <summary>Actual: how many policies of this direction (Key) select the pod: only what their rules allow passes.</summary>
    Isolated,

    /// <summary>The rule has no from/to (or an empty one): it matches every peer, external ones included.</summary>
    AllPeers,

    /// <summary>The rule has no ports (or an empty list): it matches every port of every protocol.</summary>
    AllPorts,

    /// <summary>A podSelector-only peer looks only in the policy's namespace. Expected: that namespace; Actual: the pod's.</summary>
    OtherNamespace,

    /// <summary>The selector matched. Expected: the selector in kubectl syntax.</summary>
    PodSelectorMatched,

    /// <summary>The pod lacks a label the podSelector requires. Key, Expected: the required value.</summary>
    PodLabelMissing,

    /// <summary>The pod's label has another value. Key, Expected: the required value, Actual: the pod's value.</summary>
    PodLabelDiffers,

    /// <summary>A matchExpressions entry failed on the pod. Key, Expected: the requirement, Actual: the pod's value or null.</summary>
    PodExpressionFailed,

    /// <summary>The namespaceSelector matched. Expected: the selector; Actual: the namespace name.</summary>
    NamespaceSelectorMatched,

    /// <summary>The namespace lacks a label the namespaceSelector requires. Key, Expected: the required value.</summary>
    NamespaceLabelMissing,

    /// <summary>The namespace's label has another value. Key, Expected, Actual: the namespace's value.</summary>
    NamespaceLabelDiffers,

    /// <summary>A matchExpressions entry failed on the namespace. Key, Expected: the requirement, Actual: the value or null.</summary>
    NamespaceExpressionFailed,

    /// <summary>Pod and namespace selectors never match a hostNetwork pod: its traffic carries the node's address.</summary>
    HostNetworkPeer,

    /// <summary>Pod and namespace selectors never match an address outside the cluster.</summary>
    ExternalNotSelectable,

    /// <summary>The address is inside the cidr and outside every except. Key: the cidr, Actual: the address.</summary>
    IpBlockMatched,

    /// <summary>The address is outside the cidr. Key: the cidr, Actual: the address.</summary>
    IpOutsideCidr,

    /// <summary>The address is inside the cidr but also inside an except. Key: the except, Actual: the address.</summary>
    IpExcepted,

    /// <summary>The pod's IPs are not known (plain manifests), so no ipBlock matches it.</summary>
    NoKnownPodIps,

    /// <summary>--ipblock-pods=ignore: ipBlocks are not applied to pods.</summary>
    IpBlockPodsIgnored,

    /// <summary>
    /// --hostnetwork-pods=select: the hostNetwork pod Actual is selected and isolated like any pod, which decides the
    /// verdict (under the default, policies do not govern it and selectors never match it).
    /// </summary>
    HostNetworkPodSelected,

    /// <summary>
    /// --endport=ignore: the plugin applies the entry to its port alone. Expected: the protocol and port it allows,
    /// Actual: the endPort it does not honour.
    /// </summary>
    EndPortIgnored,

    /// <summary>--sctp=unsupported: the plugin does not support SCTP in policies, so an SCTP entry allows nothing.</summary>
    SctpUnsupported,

    /// <summary>A numbered port entry. Expected: the protocol and port or range it allows.</summary>
    PortNumber,

    /// <summary>A port entry without port: every port of Expected (the protocol).</summary>
    PortWholeProtocol,

    /// <summary>A named port resolved on the destination. Key: the name, Actual: number/protocol; Span: the container port.</summary>
    NamedPortResolved,

    /// <summary>The destination defines no container port of that name. Key: the name.</summary>
    NamedPortUndefined,

    /// <summary>The destination defines the name with another protocol. Key, Expected: the entry's protocol, Actual: the container port's.</summary>
    NamedPortOtherProtocol,

    /// <summary>A named port never matches a destination outside the cluster. Key: the name.</summary>
    NamedPortExternal,

    /// <summary>The --port name is not a container port of the destination, so nothing answers on it. Key: the name.</summary>
    PortQueryUnresolved,
}
