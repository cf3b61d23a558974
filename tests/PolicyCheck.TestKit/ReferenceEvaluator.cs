using System.Collections.Immutable;
using System.Net;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Selectors;

namespace PolicyCheck.TestKit;

/// <summary>
/// The semantics of docs/semantics.md (from the Kubernetes NetworkPolicy reference) and PolicyCheck's documented engine decisions, written out
/// sentence by sentence with plain loops, for one connection (source, destination, protocol, port) at a time, or
/// for a list of ports between the same two ends. It is slow and obvious on purpose: the fast
/// <see cref="Evaluator"/> is checked against it. It reads only the
/// as-written model, re-derives every default itself (policyTypes, TCP, selector matching, CIDR containment) and
/// shares no code with the engine.
/// </summary>
public static class ReferenceEvaluator
{
    public static bool IsAllowed(Cluster cluster, Workload from, Workload to, Protocol protocol, int port, EvaluationOptions options) =>
        IsAllowed(cluster, Endpoint.Pod(from), Endpoint.Pod(to), protocol, port, options);

    public static bool IsAllowed(Cluster cluster, IPAddress from, Workload to, Protocol protocol, int port, EvaluationOptions options) =>
        IsAllowed(cluster, Endpoint.External(from), Endpoint.Pod(to), protocol, port, options);

    public static bool IsAllowed(Cluster cluster, Workload from, IPAddress to, Protocol protocol, int port, EvaluationOptions options) =>
        IsAllowed(cluster, Endpoint.Pod(from), Endpoint.External(to), protocol, port, options);

    /// <summary>Whether the policies let <paramref name="from"/> open a connection to <paramref name="to"/> on protocol/port.</summary>
    public static bool IsAllowed(Cluster cluster, Endpoint from, Endpoint to, Protocol protocol, int port, EvaluationOptions options) =>
        AllowedAt(cluster, from, to, [(protocol, port)], options)[0];

    /// <summary>
    /// <see cref="IsAllowed(Cluster, Endpoint, Endpoint, Protocol, int, EvaluationOptions)"/> for many (protocol, port)
    /// probes at once: the same steps, with the port test as the innermost loop so peers are matched once per rule.
    /// </summary>
    public static bool[] AllowedAt(Cluster cluster, Endpoint from, Endpoint to, IReadOnlyList<(Protocol Protocol, int Port)> probes, EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(probes);

        // "External→external: nothing (not the cluster's business)."
        if (from.IsExternal && to.IsExternal)
            return new bool[probes.Count];

        // "Traffic from a pod to itself ... is always allowed." / "A subject to itself: always PortSet.All."
        if (!from.IsExternal && ReferenceEquals(from.Workload, to.Workload))
            return Everything(probes.Count);

        return PoliciesAllow(cluster, from, to, probes, options);
    }

    /// <summary>
    /// What one pod of a multi-replica workload may send another pod of it: "BetweenReplicas(i) ... governed by
    /// policies like any pair", so the self rule does not apply.
    /// </summary>
    public static bool IsAllowedBetweenReplicas(Cluster cluster, Workload workload, Protocol protocol, int port, EvaluationOptions options) =>
        AllowedBetweenReplicasAt(cluster, workload, [(protocol, port)], options)[0];

    public static bool[] AllowedBetweenReplicasAt(Cluster cluster, Workload workload, IReadOnlyList<(Protocol Protocol, int Port)> probes, EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(probes);
        return PoliciesAllow(cluster, Endpoint.Pod(workload), Endpoint.Pod(workload), probes, options);
    }

    /// <summary>Whether a workload has several pods, so that <see cref="IsAllowedBetweenReplicas"/> means something.</summary>
    public static bool HasSeveralPods(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);

        // "BetweenReplicas(i): for Replicas≥2 (or ≥2 PodNames)".
        return workload.Replicas >= 2 || workload.PodNames.Length >= 2;
    }

    private static bool[] PoliciesAllow(Cluster cluster, Endpoint from, Endpoint to, IReadOnlyList<(Protocol Protocol, int Port)> probes, EvaluationOptions options)
    {
        // "A connection A→B on protocol/port p is allowed iff A's egress allows (B, p) AND B's ingress allows (A, p)."
        var egress = EgressAllows(cluster, from, to, probes, options);
        var ingress = IngressAllows(cluster, from, to, probes, options);
        var result = new bool[probes.Count];
        for (var i = 0; i < result.Length; i++)
            result[i] = egress[i] && ingress[i];
        return result;
    }

    private static bool[] EgressAllows(Cluster cluster, Endpoint source, Endpoint destination, IReadOnlyList<(Protocol Protocol, int Port)> probes, EvaluationOptions options)
    {
        // "External→pod: only the pod's ingress decides." An external source has no egress policy.
        if (source.IsExternal)
            return Everything(probes.Count);

        // For egress rules the selected pod is the source; the peer, and the destination of named ports, is the other end.
        return DirectionAllows(cluster, Direction.Egress, source.Workload!, peer: destination, destination: destination, probes, options);
    }

    private static bool[] IngressAllows(Cluster cluster, Endpoint source, Endpoint destination, IReadOnlyList<(Protocol Protocol, int Port)> probes, EvaluationOptions options)
    {
        // "Pod→external: only the pod's egress decides." An external destination has no ingress policy.
        if (destination.IsExternal)
            return Everything(probes.Count);

        // For ingress rules the selected pod is the destination; the peer is the source.
        return DirectionAllows(cluster, Direction.Ingress, destination.Workload!, peer: source, destination: destination, probes, options);
    }

    private static bool[] DirectionAllows(
        Cluster cluster,
        Direction direction,
        Workload selected,
        Endpoint peer,
        Endpoint destination,
        IReadOnlyList<(Protocol Protocol, int Port)> probes,
        EvaluationOptions options)
    {
        // "hostNetwork workloads: policies never isolate them (both directions all allowed)", unless the plugin
        // "distinguishes hostNetwork pod traffic and applies NetworkPolicy to them like pod-network pods"
        // (--hostnetwork-pods select).
        if (selected.HostNetwork && options.HostNetworkPods == HostNetworkPodHandling.Ignore)
            return Everything(probes.Count);

        var isolated = false;
        var allowed = new bool[probes.Count];
        foreach (var policy in cluster.Policies)
        {
            // "A pod is isolated for ingress when at least one policy with type Ingress selects it; likewise egress."
            if (!HasPolicyType(policy, direction))
                continue;
            if (!PolicySelects(policy, selected))
                continue;
            isolated = true;

            // "For an isolated direction, the allowed traffic is the union of the rules of every policy (of that
            // type) that selects the pod." "Policy type present but rule list empty or absent = that direction
            // denies everything": an absent list contributes no rule.
            var rules = direction == Direction.Ingress ? policy.Ingress : policy.Egress;
            if (rules is null)
                continue;
            foreach (var rule in rules.Value)
            {
                // "A rule matches a connection when at least one peer in from/to matches AND at least one entry in
                // ports matches."
                if (!SomePeerMatches(cluster, policy, rule, peer, options))
                    continue;
                for (var i = 0; i < probes.Count; i++)
                {
                    if (SomePortMatches(rule, destination, probes[i].Protocol, probes[i].Port, options))
                        allowed[i] = true;
                }
            }
        }

        // "A non-isolated direction allows everything."
        if (!isolated)
            return Everything(probes.Count);
        return allowed;
    }

    private static bool[] Everything(int count)
    {
        var all = new bool[count];
        Array.Fill(all, true);
        return all;
    }

    private static bool HasPolicyType(NetworkPolicy policy, Direction direction)
    {
        // "spec.policyTypes: when absent, Ingress is always implied and Egress is implied only if spec.egress has at
        // least one rule." The API server defaults on len(policyTypes) == 0, so an empty list counts as absent.
        if (policy.PolicyTypes is null || policy.PolicyTypes.Value.Length == 0)
        {
            if (direction == Direction.Ingress)
                return true;
            return policy.Egress is not null && policy.Egress.Value.Length >= 1;
        }

        // "Any order of the listed types is valid."
        foreach (var type in policy.PolicyTypes.Value)
        {
            if (type == direction)
                return true;
        }

        return false;
    }

    private static bool PolicySelects(NetworkPolicy policy, Workload workload)
    {
        // "spec.podSelector selects pods in the policy's own namespace only; {} selects all of them."
        if (workload.Namespace != policy.Namespace)
            return false;
        return SelectorMatches(policy.PodSelector, workload.Labels);
    }

    private static bool SomePeerMatches(Cluster cluster, NetworkPolicy policy, PolicyRule rule, Endpoint endpoint, EvaluationOptions options)
    {
        // "A missing or empty from/to matches every peer, cluster-external ones included" (and hostNetwork pods).
        if (rule.Peers is null || rule.Peers.Value.Length == 0)
            return true;

        foreach (var peer in rule.Peers.Value)
        {
            if (PeerMatches(cluster, policy, peer, endpoint, options))
                return true;
        }

        return false;
    }

    private static bool PeerMatches(Cluster cluster, NetworkPolicy policy, PolicyPeer peer, Endpoint endpoint, EvaluationOptions options)
    {
        if (peer.IpBlock is { } block)
        {
            // "ipBlock: cidr minus every except."
            if (endpoint.IsExternal)
                return IpBlockContains(block, endpoint.Address!);

            // "Pods with known IPs are matched by an ipBlock when ANY of their IPs is inside cidr-minus-except, unless
            // EvaluationOptions.IpBlockPods = Ignore. Pods without IPs are never matched by ipBlocks."
            if (options.IpBlockPods == IpBlockPodMatching.Ignore)
                return false;
            foreach (var ip in endpoint.Workload!.PodIps)
            {
                if (IpBlockContains(block, ip))
                    return true;
            }

            return false;
        }

        // "External subjects are matched only by ipBlocks (or empty peer lists)."
        if (endpoint.IsExternal)
            return false;

        var workload = endpoint.Workload!;

        // "pod/namespace selectors never match [hostNetwork pods] as peers (their traffic carries the node address)";
        // with --hostnetwork-pods select the plugin "applies podSelector/namespaceSelector to them like any pod".
        if (workload.HostNetwork && options.HostNetworkPods == HostNetworkPodHandling.Ignore)
            return false;

        // "podSelector alone: pods in the policy's namespace." "namespaceSelector alone: all pods in matching
        // namespaces." "Both in the same peer: pods matching the pod selector inside namespaces matching the namespace
        // selector (AND)." Namespace labels are those of Cluster.FindNamespace.
        bool namespaceMatches;
        if (peer.NamespaceSelector is null)
            namespaceMatches = workload.Namespace == policy.Namespace;
        else
            namespaceMatches = SelectorMatches(peer.NamespaceSelector, cluster.FindNamespace(workload.Namespace).Labels);

        var podMatches = true;
        if (peer.PodSelector is not null)
            podMatches = SelectorMatches(peer.PodSelector, workload.Labels);

        return namespaceMatches && podMatches;
    }

    private static bool SomePortMatches(PolicyRule rule, Endpoint destination, Protocol protocol, int port, EvaluationOptions options)
    {
        // "A missing or empty ports matches every port of every protocol."
        if (rule.Ports is null || rule.Ports.Value.Length == 0)
            return true;

        foreach (var entry in rule.Ports.Value)
        {
            // "protocol is TCP (default), UDP or SCTP."
            var entryProtocol = entry.Protocol ?? Protocol.Tcp;
            if (entryProtocol != protocol)
                continue;

            // --sctp unsupported: "You must be using a CNI plugin that supports SCTP protocol NetworkPolicies"; a
            // plugin without it gives an SCTP entry no effect, so it matches nothing.
            if (entryProtocol == Protocol.Sctp && options.Sctp == SctpSupport.Unsupported)
                continue;

            // "port ... absent = all ports of that protocol."
            if (entry.Port is null)
                return true;

            if (entry.Port.Value.Name is { } name)
            {
                // "A named port is resolved against the destination pod's container ports (name and protocol must
                // both match) ... external destinations never match a named port."
                if (destination.IsExternal)
                    continue;
                foreach (var containerPort in destination.Workload!.Ports)
                {
                    if (containerPort.Name == name && containerPort.Protocol == protocol && containerPort.Number == port)
                        return true;
                }

                continue;
            }

            // "endPort makes an inclusive range port..endPort." --endport ignore: "If your network plugin does not
            // support the endPort field ... the policy will be applied only for the single port field."
            var first = entry.Port.Value.Number!.Value;
            var last = entry.EndPort ?? first;
            if (options.EndPort == EndPortHandling.Ignore)
                last = first;
            if (port >= first && port <= last)
                return true;
        }

        return false;
    }

    private static bool SelectorMatches(LabelSelector selector, ImmutableSortedDictionary<string, string> labels)
    {
        // "matchLabels and every matchExpressions entry must all hold (AND)." "An empty selector {} matches everything."
        foreach (var (key, value) in selector.MatchLabels)
        {
            // "matchLabels: {env: ""} matches only objects that carry env with an empty value, never objects without the key."
            if (!labels.TryGetValue(key, out var actual))
                return false;
            if (actual != value)
                return false;
        }

        if (selector.MatchExpressions.IsDefault)
            return true;

        foreach (var requirement in selector.MatchExpressions)
        {
            var present = labels.TryGetValue(requirement.Key, out var actual);
            var listed = false;
            foreach (var candidate in requirement.Values)
            {
                if (present && candidate == actual)
                    listed = true;
            }

            switch (requirement.Operator)
            {
                case SelectorOperator.In:
                    if (!listed)
                        return false;
                    break;
                case SelectorOperator.NotIn:
                    // "NotIn and DoesNotExist hold when the key is absent."
                    if (listed)
                        return false;
                    break;
                case SelectorOperator.Exists:
                    if (!present)
                        return false;
                    break;
                case SelectorOperator.DoesNotExist:
                    if (present)
                        return false;
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(selector), requirement.Operator, "Unknown selector operator.");
            }
        }

        return true;
    }

    private static bool IpBlockContains(IpBlock block, IPAddress address)
    {
        // "ipBlock: cidr minus every except."
        if (!CidrContains(block.Cidr, address))
            return false;
        foreach (var except in block.Except)
        {
            if (CidrContains(except, address))
                return false;
        }

        return true;
    }

    private static bool CidrContains(IpCidr cidr, IPAddress address)
    {
        // An address is in a CIDR when it has the same family and its first PrefixLength bits equal the network's.
        var network = cidr.Network.BaseAddress.GetAddressBytes();
        var bytes = address.GetAddressBytes();
        if (network.Length != bytes.Length)
            return false;
        for (var bit = 0; bit < cidr.PrefixLength; bit++)
        {
            var mask = 0x80 >> (bit % 8);
            if ((network[bit / 8] & mask) != (bytes[bit / 8] & mask))
                return false;
        }

        return true;
    }
}
