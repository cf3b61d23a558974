using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Selectors;

namespace PolicyCheck.Core.Explain;

/// <summary>
/// Explains one cell of the reachability matrix down to the policy, rule, peer and port that decide it, following
/// the same semantics as <see cref="Evaluator"/> (docs/semantics.md). It walks the as-written model directly, one
/// pair at a time: slow next to the engine, and checked against it on random clusters.
/// </summary>
public static class Explainer
{
    /// <summary>Explains traffic from <paramref name="from"/> to <paramref name="to"/>, optionally for one port.</summary>
    /// <param name="fromAddress">For an external source, the address or CIDR the user named: ipBlock evidence then
    /// speaks of the first address of the subject inside it (every address of one external subject is inside exactly
    /// the same ipBlocks, so the answer is the same; the wording is closer to the question).</param>
    /// <param name="toAddress">The same for an external destination.</param>
    public static FlowExplanation Explain(
        Cluster cluster,
        Subject from,
        Subject to,
        EvaluationOptions? options = null,
        PortQuery? port = null,
        IpCidr? fromAddress = null,
        IpCidr? toAddress = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        options ??= EvaluationOptions.Default;

        ResolvedPort? resolved = null;
        if (port is not null && port.TryResolve(to, out var protocol, out var number))
            resolved = new ResolvedPort(protocol, number);

        var fromEnd = new End(from, Representative(from, fromAddress));
        var toEnd = new End(to, Representative(to, toAddress));
        var named = (From: fromAddress is null ? null : fromEnd.Address, To: toAddress is null ? null : toEnd.Address);
        if (from.IsExternal && to.IsExternal)
        {
            return Skipped(from, to, port, resolved, new Reason(ReasonKind.ExternalToExternal, SourceSpan.None), PortSet.None) with
            {
                FromAddress = named.From,
                ToAddress = named.To,
            };
        }

        if (!from.IsExternal && string.Equals(from.Id, to.Id, StringComparison.Ordinal))
            return Skipped(from, to, port, resolved, new Reason(ReasonKind.SelfTraffic, SourceSpan.None), PortSet.All);

        return Evaluated(cluster, fromEnd, toEnd, options, port, resolved, null) with { FromAddress = named.From, ToAddress = named.To };
    }

    /// <summary>
    /// Explains traffic from one pod of <paramref name="subject"/> to another pod of it, as the matrix's diagonal
    /// (<see cref="ReachabilityMatrix.BetweenReplicas"/>) answers it: two replicas are two pods, so the source's egress
    /// and the destination's ingress decide as for any pair. The subject must be a workload with several pods
    /// (<see cref="Workload.HasSeveralPods"/>); a single pod only ever talks to itself, which <see cref="Explain"/> covers.
    /// </summary>
    public static FlowExplanation ExplainBetweenReplicas(Cluster cluster, Subject subject, EvaluationOptions? options = null, PortQuery? port = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Workload is not { HasSeveralPods: true } workload)
            throw new ArgumentException($"'{subject.Id}' is not a workload with several pods, so it has no traffic between replicas.", nameof(subject));
        options ??= EvaluationOptions.Default;
        ResolvedPort? resolved = null;
        if (port is not null && port.TryResolve(subject, out var protocol, out var number))
            resolved = new ResolvedPort(protocol, number);
        var pods = Math.Max(workload.Replicas, workload.PodNames.Length).ToString(CultureInfo.InvariantCulture);
        var end = new End(subject, null);
        var note = new Reason(ReasonKind.BetweenReplicas, SourceSpan.None, Actual: pods);
        return Evaluated(cluster, end, end, options, port, resolved, note) with { BetweenReplicas = true };
    }

    /// <summary>Both sides of a flow between two different pods, with which side denies it when it is denied.</summary>
    private static FlowExplanation Evaluated(
        Cluster cluster, End fromEnd, End toEnd, EvaluationOptions options, PortQuery? port, ResolvedPort? resolved, Reason? note)
    {
        var (from, to) = (fromEnd.Subject, toEnd.Subject);
        var egress = Side(cluster, Direction.Egress, selected: from, peer: toEnd, destination: to, options, port, resolved);
        var ingress = Side(cluster, Direction.Ingress, selected: to, peer: fromEnd, destination: to, options, port, resolved);
        var allowed = egress.Allows.Intersect(ingress.Allows);
        var reasons = new List<Reason> { egress.Reason, ingress.Reason };
        var unresolved = port is { Name: not null } && resolved is null;
        if (unresolved)
            reasons.Insert(0, new Reason(ReasonKind.PortQueryUnresolved, SourceSpan.None, Key: port!.Name)); // the pattern checked Name
        if (note is not null)
            reasons.Insert(0, note);
        if (options.SelectsHostNetworkPods)
        {
            // The plugin model decides this verdict: elsewhere a hostNetwork end is not governed nor selectable.
            if (from.Workload is { HostNetwork: true } source)
                reasons.Add(new Reason(ReasonKind.HostNetworkPodSelected, source.Span, Actual: source.Id));
            if (!ReferenceEquals(from, to) && to.Workload is { HostNetwork: true } destination)
                reasons.Add(new Reason(ReasonKind.HostNetworkPodSelected, destination.Span, Actual: destination.Id));
        }

        var isAllowed = IsAllowed(allowed, port, resolved);
        return new FlowExplanation(from, to, port, resolved, new Verdict(isAllowed, [.. reasons]), allowed, egress, ingress)
        {
            DeniedBy = isAllowed || unresolved ? null : Denier(egress, ingress, port),
        };
    }

    /// <summary>
    /// Which side denies: with a port, each side that does not allow it; without, a side that allows nothing, or both
    /// when each allows something but they share nothing.
    /// </summary>
    private static DeniedBy Denier(DirectionExplanation egress, DirectionExplanation ingress, PortQuery? port)
    {
        var (egressDenies, ingressDenies) = port is null
            ? (egress.Allows.IsEmpty, ingress.Allows.IsEmpty)
            : (egress.AllowsQuery == false, ingress.AllowsQuery == false);
        return (egressDenies, ingressDenies) switch
        {
            (true, false) => DeniedBy.Egress,
            (false, true) => DeniedBy.Ingress,
            _ => DeniedBy.Both,
        };
    }

    private static FlowExplanation Skipped(Subject from, Subject to, PortQuery? port, ResolvedPort? resolved, Reason reason, PortSet allowed)
    {
        var egress = new DirectionExplanation(Direction.Egress, from, DirectionStatus.NotApplicable, reason, [], allowed);
        var ingress = new DirectionExplanation(Direction.Ingress, to, DirectionStatus.NotApplicable, reason, [], allowed);
        var allowedNow = reason.Kind == ReasonKind.SelfTraffic && (port is null || resolved is not null);
        ImmutableArray<Reason> reasons = port is { Name: { } name } && resolved is null
            ? [new Reason(ReasonKind.PortQueryUnresolved, SourceSpan.None, Key: name), reason]
            : [reason];
        return new FlowExplanation(from, to, port, resolved, new Verdict(allowedNow, reasons), allowed, egress, ingress);
    }

    private static bool IsAllowed(PortSet allowed, PortQuery? port, ResolvedPort? resolved) => port is null
        ? !allowed.IsEmpty
        : resolved is { } p && allowed.Contains(p.Protocol, p.Number);

    private static bool? Query(PortSet set, PortQuery? port, ResolvedPort? resolved) =>
        port is null ? null : resolved is { } p && set.Contains(p.Protocol, p.Number);

    private static DirectionExplanation Side(
        Cluster cluster, Direction direction, Subject selected, End peer, Subject destination, EvaluationOptions options, PortQuery? port, ResolvedPort? resolved)
    {
        if (selected.Workload is not { } workload)
            return Open(direction, selected, DirectionStatus.External, ReasonKind.ExternalEnd, port, resolved);
        if (workload.HostNetwork && !options.SelectsHostNetworkPods)
            return Open(direction, selected, DirectionStatus.HostNetwork, ReasonKind.HostNetworkPod, port, resolved, workload.Span);

        var policies = ImmutableArray.CreateBuilder<PolicyEvidence>();
        var allows = PortSet.None;
        foreach (var policy in cluster.Policies)
        {
            if (!policy.Affects(direction) || policy.Namespace != workload.Namespace || !policy.PodSelector.Matches(workload.Labels))
                continue;
            var rules = ImmutableArray.CreateBuilder<RuleEvidence>();
            var policyAllows = PortSet.None;
            foreach (var rule in policy.Rules(direction))
            {
                var evidence = RuleFor(cluster, policy, rule, peer, destination, options, port, resolved);
                rules.Add(evidence);
                policyAllows = policyAllows.Union(evidence.Allows);
            }

            policies.Add(new PolicyEvidence(policy, rules.ToImmutable(), policyAllows) { AllowsQuery = Query(policyAllows, port, resolved) });
            allows = allows.Union(policyAllows);
        }

        if (policies.Count == 0)
            return Open(direction, selected, DirectionStatus.NotIsolated, ReasonKind.NotIsolated, port, resolved);
        return new DirectionExplanation(
            direction,
            selected,
            DirectionStatus.Isolated,
            new Reason(ReasonKind.Isolated, SourceSpan.None, Key: direction.ToString(), Actual: policies.Count.ToString(CultureInfo.InvariantCulture)),
            policies.ToImmutable(),
            allows)
        { AllowsQuery = Query(allows, port, resolved) };
    }

    private static DirectionExplanation Open(
        Direction direction, Subject selected, DirectionStatus status, ReasonKind kind, PortQuery? port, ResolvedPort? resolved, SourceSpan span = default) =>
        new(direction, selected, status, new Reason(kind, span == default ? SourceSpan.None : span, Key: direction.ToString()), [], PortSet.All)
        {
            AllowsQuery = Query(PortSet.All, port, resolved),
        };

    private static RuleEvidence RuleFor(
        Cluster cluster, NetworkPolicy policy, PolicyRule rule, End peer, Subject destination, EvaluationOptions options, PortQuery? port, ResolvedPort? resolved)
    {
        var peerReasons = ImmutableArray<Reason>.Empty;
        var peers = ImmutableArray.CreateBuilder<PeerEvidence>();
        bool peerMatched;
        if (rule.MatchesAllPeers)
        {
            peerMatched = true;
            peerReasons = [new Reason(ReasonKind.AllPeers, rule.Span)];
        }
        else
        {
            peerMatched = false;
            foreach (var entry in rule.Peers!.Value) // MatchesAllPeers is false: the list has entries
            {
                var evidence = PeerFor(cluster, policy, entry, peer, options);
                peers.Add(evidence);
                peerMatched |= evidence.Matched;
            }
        }

        var portReasons = ImmutableArray<Reason>.Empty;
        var entries = ImmutableArray.CreateBuilder<PortEvidence>();
        PortSet ports;
        if (rule.MatchesAllPorts)
        {
            ports = PortSet.All;
            portReasons = [new Reason(ReasonKind.AllPorts, rule.Span)];
        }
        else
        {
            ports = PortSet.None;
            foreach (var entry in rule.Ports!.Value) // MatchesAllPorts is false: the list has entries
            {
                var evidence = PortFor(entry, destination, options);
                entries.Add(evidence with { MatchesQuery = Query(evidence.Allows, port, resolved) });
                ports = ports.Union(evidence.Allows);
            }
        }

        var allows = peerMatched ? ports : PortSet.None;
        return new RuleEvidence(rule, peerMatched, peerReasons, peers.ToImmutable(), ports, portReasons, entries.ToImmutable(), allows)
        {
            AllowsQuery = Query(allows, port, resolved),
        };
    }

    private static PeerEvidence PeerFor(Cluster cluster, NetworkPolicy policy, PolicyPeer peer, End end, EvaluationOptions options)
    {
        var subject = end.Subject;
        if (peer.IpBlock is { } block)
            return IpBlockFor(peer, block, end, options);
        if (subject.Workload is not { } workload)
            return new PeerEvidence(peer, false, [new Reason(ReasonKind.ExternalNotSelectable, peer.Span, Actual: subject.Id)], null);
        if (workload.HostNetwork && !options.SelectsHostNetworkPods)
            return new PeerEvidence(peer, false, [new Reason(ReasonKind.HostNetworkPeer, peer.Span, Actual: workload.Id)], null);

        var reasons = ImmutableArray.CreateBuilder<Reason>();
        var matched = true;
        Namespace? ns = null;
        if (peer.NamespaceSelector is { } namespaceSelector)
        {
            ns = cluster.FindNamespace(workload.Namespace);
            var failures = SelectorFailures(namespaceSelector, ns.Labels, onNamespace: true);
            if (failures.Count == 0)
                reasons.Add(new Reason(ReasonKind.NamespaceSelectorMatched, SpanOf(namespaceSelector, peer), Expected: namespaceSelector.ToString(), Actual: ns.Name));
            else
            {
                matched = false;
                reasons.AddRange(failures.Select(f => f with { Span = f.Span.IsNone ? SpanOf(namespaceSelector, peer) : f.Span }));
            }
        }
        else if (workload.Namespace != policy.Namespace)
        {
            matched = false;
            reasons.Add(new Reason(ReasonKind.OtherNamespace, peer.Span, Expected: policy.Namespace, Actual: workload.Namespace));
        }

        if (peer.PodSelector is { } podSelector)
        {
            var failures = SelectorFailures(podSelector, workload.Labels, onNamespace: false);
            if (failures.Count == 0)
                reasons.Add(new Reason(ReasonKind.PodSelectorMatched, SpanOf(podSelector, peer), Expected: podSelector.ToString()));
            else
            {
                matched = false;
                reasons.AddRange(failures.Select(f => f with { Span = f.Span.IsNone ? SpanOf(podSelector, peer) : f.Span }));
            }
        }

        return new PeerEvidence(peer, matched, reasons.ToImmutable(), ns);
    }

    private static SourceSpan SpanOf(LabelSelector selector, PolicyPeer peer) => selector.Span.IsNone ? peer.Span : selector.Span;

    private static PeerEvidence IpBlockFor(PolicyPeer peer, IpBlock block, End end, EvaluationOptions options)
    {
        var subject = end.Subject;
        var span = block.Span.IsNone ? peer.Span : block.Span;
        if (subject.Workload is { } workload)
        {
            if (options.IpBlockPods == IpBlockPodMatching.Ignore)
                return new PeerEvidence(peer, false, [new Reason(ReasonKind.IpBlockPodsIgnored, span, Key: block.Cidr.Text)], null);
            if (workload.PodIps.IsDefaultOrEmpty)
                return new PeerEvidence(peer, false, [new Reason(ReasonKind.NoKnownPodIps, span, Key: block.Cidr.Text, Actual: workload.Id)], null);
            var reasons = ImmutableArray.CreateBuilder<Reason>();
            foreach (var ip in workload.PodIps)
            {
                var reason = AddressIn(block, ip, span);
                if (reason.Kind == ReasonKind.IpBlockMatched)
                    return new PeerEvidence(peer, true, [reason], null);
                reasons.Add(reason);
            }

            return new PeerEvidence(peer, false, reasons.ToImmutable(), null);
        }

        // Every address of an external subject is inside exactly the same ipBlocks, so one stands for all.
        var address = AddressIn(block, end.Address!, span); // an external end always has a representative address
        return new PeerEvidence(peer, address.Kind == ReasonKind.IpBlockMatched, [address], null);
    }

    private static Reason AddressIn(IpBlock block, IPAddress address, SourceSpan span)
    {
        var text = address.ToString();
        if (!block.Cidr.Contains(address))
            return new Reason(ReasonKind.IpOutsideCidr, span, Key: block.Cidr.Text, Actual: text);
        foreach (var except in block.Except)
        {
            if (except.Contains(address))
                return new Reason(ReasonKind.IpExcepted, span, Key: except.Text, Actual: text);
        }

        return new Reason(ReasonKind.IpBlockMatched, span, Key: block.Cidr.Text, Actual: text);
    }

    private static List<Reason> SelectorFailures(LabelSelector selector, System.Collections.Immutable.ImmutableSortedDictionary<string, string> labels, bool onNamespace)
    {
        var failures = new List<Reason>();
        foreach (var (key, value) in selector.MatchLabels)
        {
            if (!labels.TryGetValue(key, out var actual))
                failures.Add(new Reason(onNamespace ? ReasonKind.NamespaceLabelMissing : ReasonKind.PodLabelMissing, selector.Span, key, value));
            else if (!string.Equals(actual, value, StringComparison.Ordinal))
                failures.Add(new Reason(onNamespace ? ReasonKind.NamespaceLabelDiffers : ReasonKind.PodLabelDiffers, selector.Span, key, value, actual));
        }

        if (!selector.MatchExpressions.IsDefault)
        {
            foreach (var requirement in selector.MatchExpressions)
            {
                if (requirement.Matches(labels))
                    continue;
                var text = new LabelSelector(Labels.Empty, [requirement], SourceSpan.None).ToString();
                failures.Add(new Reason(
                    onNamespace ? ReasonKind.NamespaceExpressionFailed : ReasonKind.PodExpressionFailed,
                    requirement.Span,
                    requirement.Key,
                    text,
                    labels.TryGetValue(requirement.Key, out var actual) ? actual : null));
            }
        }

        return failures;
    }

    private static PortEvidence PortFor(PolicyPort entry, Subject destination, EvaluationOptions options)
    {
        var protocol = entry.EffectiveProtocol;
        if (protocol == Protocol.Sctp && options.Sctp == SctpSupport.Unsupported)
            return new PortEvidence(entry, PortSet.None, new Reason(ReasonKind.SctpUnsupported, entry.Span));
        if (entry.Port is not { } value)
            return new PortEvidence(entry, PortSet.AllOf(protocol), new Reason(ReasonKind.PortWholeProtocol, entry.Span, Expected: protocol.ToApiString()));
        if (value.Name is not { } name)
        {
            var first = value.Number!.Value; // a PortValue without a name has a number
            if (entry.EndPort is { } endPort && options.EndPort == EndPortHandling.Ignore)
            {
                var alone = PortSet.Of(protocol, first);
                return new PortEvidence(entry, alone, new Reason(
                    ReasonKind.EndPortIgnored, entry.Span, Expected: alone.ToString(), Actual: endPort.ToString(CultureInfo.InvariantCulture)));
            }

            var last = entry.EndPort ?? first;
            var set = PortSet.Of(protocol, first, last);
            return new PortEvidence(entry, set, new Reason(ReasonKind.PortNumber, entry.Span, Expected: set.ToString()));
        }

        if (destination.Workload is not { } workload)
            return new PortEvidence(entry, PortSet.None, new Reason(ReasonKind.NamedPortExternal, entry.Span, Key: name));
        var allows = PortSet.None;
        ContainerPort? resolvedAt = null;
        ContainerPort? otherProtocol = null;
        foreach (var containerPort in workload.Ports)
        {
            if (!string.Equals(containerPort.Name, name, StringComparison.Ordinal))
                continue;
            if (containerPort.Protocol == protocol)
            {
                allows = allows.Union(PortSet.Of(protocol, containerPort.Number));
                resolvedAt ??= containerPort;
            }
            else
                otherProtocol ??= containerPort;
        }

        if (resolvedAt is { } found)
        {
            return new PortEvidence(entry, allows, new Reason(
                ReasonKind.NamedPortResolved, found.Span.IsNone ? entry.Span : found.Span, Key: name, Actual: allows.ToString()));
        }

        if (otherProtocol is { } other)
        {
            return new PortEvidence(entry, PortSet.None, new Reason(
                ReasonKind.NamedPortOtherProtocol, other.Span.IsNone ? entry.Span : other.Span, name, protocol.ToApiString(), other.Protocol.ToApiString()));
        }

        return new PortEvidence(entry, PortSet.None, new Reason(ReasonKind.NamedPortUndefined, entry.Span, Key: name, Actual: workload.Id));
    }

    /// <summary>An address of an external subject, inside <paramref name="named"/> when given and overlapping; null for a workload.</summary>
    private static IPAddress? Representative(Subject subject, IpCidr? named)
    {
        if (!subject.IsExternal)
            return null;
        if (named is { } cidr)
        {
            var wanted = IpInterval.FromCidr(cidr);
            foreach (var range in subject.Ranges)
            {
                if (IpInterval.FromRange(range).Intersect(wanted) is { } common)
                    return common.FirstAddress;
            }
        }

        return subject.Ranges[0].First;
    }

    /// <summary>The other end of a rule's peers, with the address that stands for it when it is outside the cluster.</summary>
    private readonly record struct End(Subject Subject, IPAddress? Address);
}
