using System.Globalization;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Explain;
using PolicyCheck.Core.Model;
using PolicyCheck.Reporting.Formats;

namespace PolicyCheck.Reporting.Explain;

/// <summary>
/// Lays a <see cref="FlowExplanation"/> out as an indented outline for the text and Markdown writers: the verdict,
/// then the egress side and the ingress side, each with its policies, rules, peers and ports. It only words what the
/// Explainer decided.
/// </summary>
internal static class ExplainOutline
{
    public static IReadOnlyList<OutlineLine> Lines(FlowExplanation flow, ExplainHints hints)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var lines = new List<OutlineLine>();
        var tone = flow.Verdict.Allowed ? OutlineTone.Allowed : OutlineTone.Denied;
        var pair = flow.BetweenReplicas
            ? FlowText.BetweenReplicas(flow.From.Id)
            : FlowText.Pair(Name(flow.From, flow.FromAddress), Name(flow.To, flow.ToAddress));
        lines.Add(new OutlineLine(0, SourceSpan.None, $"{pair}: {Verdict(flow)}", tone));

        var flowLevel = flow.Verdict.Reasons.Where(r => r.Kind is ReasonKind.SelfTraffic or ReasonKind.BetweenReplicas or ReasonKind.ExternalToExternal or ReasonKind.PortQueryUnresolved or ReasonKind.HostNetworkPodSelected);
        foreach (var reason in flowLevel)
            lines.Add(new OutlineLine(1, reason.Span, ReasonText.Describe(reason, hints)));
        if (flow.Egress.Status == DirectionStatus.NotApplicable)
            return lines;

        Side(lines, flow, flow.Egress, hints);
        Side(lines, flow, flow.Ingress, hints);
        return lines;
    }

    /// <summary>
    /// A subject for people, by its matrix id. An outside end named by address reads <c>203.0.113.7 (ext:203.0.113.0/24)</c>,
    /// or, when the subject has several ranges, names the one holding the address first:
    /// <c>172.17.1.5 (in 11.0.0.0-255.255.255.255 of ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255)</c>.
    /// </summary>
    internal static string Name(Subject subject, System.Net.IPAddress? address)
    {
        if (address is null)
            return subject.Id;
        return subject.Ranges.Length > 1 && subject.RangeOf(address) is { } range
            ? $"{address} (in {range} of {subject.Id})"
            : $"{address} ({subject.Id})";
    }

    /// <summary>
    /// <c>allowed TCP 80</c>, <c>80/TCP allowed</c>, or for a denied flow which side denies it:
    /// <c>denied by the ingress of shop/db (nothing is allowed)</c>, <c>80/TCP denied by the egress of shop/web</c>.
    /// </summary>
    private static string Verdict(FlowExplanation flow)
    {
        var by = flow.DeniedBy switch
        {
            DeniedBy.Egress => $" by the egress of {flow.From.Id}",
            DeniedBy.Ingress => $" by the ingress of {flow.To.Id}",
            DeniedBy.Both => $" by both the egress of {flow.From.Id} and the ingress of {flow.To.Id}",
            _ => string.Empty,
        };
        if (flow.Port is not null)
            return flow.Verdict.Allowed ? $"{Asked(flow)} allowed" : $"{Asked(flow)} denied{by}";
        return flow.Verdict.Allowed ? $"allowed {flow.Allowed}" : $"denied{by} (nothing is allowed)";
    }

    private static void Side(List<OutlineLine> lines, FlowExplanation flow, DirectionExplanation side, ExplainHints hints)
    {
        var egress = side.Direction == Direction.Egress;
        var title = egress ? $"Egress of {side.Pod.Id}" : $"Ingress of {side.Pod.Id}";
        var status = side.Status switch
        {
            DirectionStatus.External => "outside the cluster, not governed",
            DirectionStatus.HostNetwork => "hostNetwork pod, not governed",
            DirectionStatus.NotIsolated => "not isolated",
            _ => $"isolated by {Count(side.Policies.Length, "policy", "policies")}",
        };
        var tone = Tone(side.AllowsQuery, side.Allows);
        lines.Add(new OutlineLine(1, SourceSpan.None, $"{title}: {status}; {Allows(side.AllowsQuery, side.Allows, flow)}", tone));
        if (side.Status != DirectionStatus.Isolated)
        {
            lines.Add(new OutlineLine(2, side.Reason.Span, ReasonText.Describe(side.Reason, hints)));
            return;
        }

        var rulesName = egress ? "egress" : "ingress";
        var peersName = egress ? "to" : "from";
        foreach (var policy in side.Policies)
        {
            var p = policy.Policy;
            if (policy.Rules.IsEmpty)
            {
                lines.Add(new OutlineLine(2, p.Span, $"policy {p.Namespace}/{p.Name} selects it and has no {rulesName} rules: it allows nothing", OutlineTone.Denied));
                continue;
            }

            lines.Add(new OutlineLine(2, p.Span, $"policy {p.Namespace}/{p.Name}: {Allows(policy.AllowsQuery, policy.Allows, flow)}", Tone(policy.AllowsQuery, policy.Allows)));
            foreach (var rule in policy.Rules)
                Rule(lines, flow, rule, rulesName, peersName, hints);
        }
    }

    private static void Rule(List<OutlineLine> lines, FlowExplanation flow, RuleEvidence rule, string rulesName, string peersName, ExplainHints hints)
    {
        var peers = rule.PeerMatched ? "a peer matches" : "no peer matches";
        var number = (rule.Rule.Index + 1).ToString(CultureInfo.InvariantCulture);
        lines.Add(new OutlineLine(
            3,
            rule.Rule.Span,
            $"{rulesName} rule #{number}: {peers}; {Allows(rule.AllowsQuery, rule.Allows, flow)}",
            Tone(rule.AllowsQuery, rule.Allows)));
        foreach (var reason in rule.PeerReasons)
            lines.Add(new OutlineLine(4, reason.Span, ReasonText.Describe(reason, hints)));
        for (var i = 0; i < rule.Peers.Length; i++)
        {
            var peer = rule.Peers[i];
            var at = (i + 1).ToString(CultureInfo.InvariantCulture);
            lines.Add(new OutlineLine(4, peer.Peer.Span, $"{peersName} #{at}: {(peer.Matched ? "matches" : "does not match")}"));
            foreach (var reason in peer.Reasons)
                lines.Add(new OutlineLine(5, reason.Span, ReasonText.Describe(reason, hints)));
            if (!peer.Matched && peer.Namespace is { } ns && peer.Peer.NamespaceSelector is not null)
            {
                var labels = string.Join(", ", ns.Labels.Select(l => $"{l.Key}={l.Value}"));
                var declared = ns.Declared ? string.Empty : " (not declared in the inputs)";
                lines.Add(new OutlineLine(5, ns.Span, $"namespace '{ns.Name}'{declared} has labels {labels}."));
            }
        }

        foreach (var reason in rule.PortReasons)
            lines.Add(new OutlineLine(4, reason.Span, ReasonText.Describe(reason, hints)));
        for (var i = 0; i < rule.PortEntries.Length; i++)
        {
            var entry = rule.PortEntries[i];
            var at = (i + 1).ToString(CultureInfo.InvariantCulture);
            var covers = entry.MatchesQuery is { } yes ? $" {(yes ? "Covers" : "Does not cover")} {Asked(flow)}." : string.Empty;
            lines.Add(new OutlineLine(4, entry.Reason.Span, $"port #{at}: {ReasonText.Describe(entry.Reason, hints)}{covers}"));
        }
    }

    private static string Allows(bool? query, PortSet set, FlowExplanation flow) => query switch
    {
        true => $"allows {Asked(flow)}",
        false => $"does not allow {Asked(flow)}",
        null => set.IsEmpty ? "allows nothing" : $"allows {set}",
    };

    /// <summary>The asked port, with what a name resolved to on the destination: <c>grpc (9090/TCP)</c>.</summary>
    private static string Asked(FlowExplanation flow) =>
        flow.ResolvedPort is { } resolved && flow.Port?.Name is not null ? $"{flow.Port} ({resolved})" : $"{flow.Port}";

    private static OutlineTone Tone(bool? query, PortSet set) => (query ?? !set.IsEmpty) ? OutlineTone.Allowed : OutlineTone.Denied;

    private static string Count(int count, string one, string many) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? one : many)}";
}
