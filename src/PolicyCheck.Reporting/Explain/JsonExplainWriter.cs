using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Explain;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;
using PolicyCheck.Reporting.Formats;
using static PolicyCheck.Reporting.Formats.JsonText;

namespace PolicyCheck.Reporting.Explain;

/// <summary>Writes the <c>policycheck/explain/v1</c> document described in docs/explain-output.md, indented.</summary>
internal sealed class JsonExplainWriter : IExplainWriter
{
    public const string Schema = "policycheck/explain/v1";

    public void Write(ExplainReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var buffer = new ArrayBufferWriter<byte>();
        var options = Options(output);
        using (var json = new Utf8JsonWriter(buffer, options))
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            NetworkPluginText.WriteJson(json, report.Plugin);
            if (report.Assumed is { } assumed)
                json.WriteString("assumed", assumed);
            End(json, "from", report.FromQuery, report.FromSubjects);
            End(json, "to", report.ToQuery, report.ToSubjects);
            if (report.Port is { } port)
                json.WriteString("port", port.ToString());
            if (!report.Services.IsDefaultOrEmpty)
                Services(json, report.Services);
            json.WriteStartArray("flows");
            foreach (var flow in report.Flows)
                Flow(json, flow, report.Wording);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        output.WriteLine();
    }

    /// <summary>With --to-service: per service port, the coverage and each backend's targetPort and outcome.</summary>
    private static void Services(Utf8JsonWriter json, ImmutableArray<ServiceVerdict> verdicts)
    {
        json.WriteStartArray("servicePorts");
        foreach (var verdict in verdicts)
        {
            json.WriteStartObject();
            json.WriteString("client", verdict.Client.Id);
            json.WriteString("service", $"{verdict.Service.Namespace}/{verdict.Service.Name}");
            json.WriteString("type", verdict.Service.IsHeadless ? "Headless" : verdict.Service.Type.ToString());
            json.WriteString("dnsName", ServiceDns.Fqdn(verdict.Service));
            if (verdict.Port.Name is { } name)
                json.WriteString("portName", name);
            json.WriteNumber("port", verdict.Port.Port);
            json.WriteString("protocol", verdict.Port.Protocol.ToApiString());
            json.WriteString("targetPort", verdict.Port.EffectiveTargetPort.ToString());
            json.WriteString("route", Camel(verdict.Route.ToString()));
            json.WriteString("coverage", Camel(verdict.Coverage.ToString()));
            json.WriteNumber("endpoints", verdict.Endpoints);
            json.WriteNumber("reached", verdict.Reached);
            if (verdict.Note is { } note)
                json.WriteString("note", note);
            json.WriteStartArray("backends");
            foreach (var backend in verdict.Backends)
            {
                json.WriteStartObject();
                json.WriteString("id", backend.Backend.Id);
                if (backend.TargetPort is { } target)
                    json.WriteNumber("targetPort", target);
                else
                    json.WriteNull("targetPort");
                json.WriteString("outcome", Camel(backend.Outcome.ToString()));
                json.WriteString("reason", backend.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static string Camel(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal[1..];

    private static void End(Utf8JsonWriter json, string name, string query, IEnumerable<Subject> subjects)
    {
        json.WriteStartObject(name);
        json.WriteString("query", query);
        json.WriteStartArray("matched");
        foreach (var subject in subjects)
            json.WriteStringValue(subject.Id);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Flow(Utf8JsonWriter json, FlowExplanation flow, ExplainHints hints)
    {
        json.WriteStartObject();
        SubjectObject(json, "from", flow.From, flow.FromAddress);
        SubjectObject(json, "to", flow.To, flow.ToAddress);
        json.WriteBoolean("allowed", flow.Verdict.Allowed);
        if (flow.BetweenReplicas)
            json.WriteBoolean("betweenReplicas", true);
        if (flow.DeniedBy is { } deniedBy)
            json.WriteString("deniedBy", Camel(deniedBy.ToString()));
        json.WriteString("allowedPorts", flow.Allowed.ToString());
        if (flow.Port is { } port)
        {
            json.WriteStartObject("port");
            json.WriteString("query", port.ToString());
            if (flow.ResolvedPort is { } resolved)
                json.WriteString("resolved", resolved.ToString());
            else
                json.WriteNull("resolved");
            json.WriteBoolean("allowed", flow.Verdict.Allowed);
            json.WriteEndObject();
        }

        Reasons(json, "reasons", flow.Verdict.Reasons, hints);
        Side(json, "egress", flow.Egress, hints);
        Side(json, "ingress", flow.Ingress, hints);
        json.WriteEndObject();
    }

    private static void SubjectObject(Utf8JsonWriter json, string name, Subject subject, System.Net.IPAddress? address)
    {
        json.WriteStartObject(name);
        json.WriteString("id", subject.Id);
        json.WriteString("kind", subject.Kind);
        if (subject.Workload is { } workload)
        {
            json.WriteString("namespace", workload.Namespace);
            json.WriteString("name", workload.Name);
            json.WriteBoolean("hostNetwork", workload.HostNetwork);
            Location(json, workload.Span);
        }
        else
        {
            json.WriteStartArray("ranges");
            foreach (var range in subject.Ranges)
                json.WriteStringValue(range.ToString());
            json.WriteEndArray();
            if (address is not null)
                json.WriteString("address", address.ToString());
        }

        json.WriteEndObject();
    }

    private static void Side(Utf8JsonWriter json, string name, DirectionExplanation side, ExplainHints hints)
    {
        json.WriteStartObject(name);
        json.WriteString("subject", side.Pod.Id);
        json.WriteString("status", JsonNamingPolicy.CamelCase.ConvertName(side.Status.ToString()));
        json.WriteString("allows", side.Allows.ToString());
        if (side.AllowsQuery is { } yes)
            json.WriteBoolean("allowsPort", yes);
        Reason(json, "reason", side.Reason, hints);
        json.WriteStartArray("policies");
        foreach (var policy in side.Policies)
        {
            json.WriteStartObject();
            json.WriteString("namespace", policy.Policy.Namespace);
            json.WriteString("name", policy.Policy.Name);
            Location(json, policy.Policy.Span);
            json.WriteString("allows", policy.Allows.ToString());
            if (policy.AllowsQuery is { } policyYes)
                json.WriteBoolean("allowsPort", policyYes);
            json.WriteStartArray("rules");
            foreach (var rule in policy.Rules)
                Rule(json, rule, hints);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Rule(Utf8JsonWriter json, RuleEvidence rule, ExplainHints hints)
    {
        json.WriteStartObject();
        json.WriteNumber("index", rule.Rule.Index);
        Location(json, rule.Rule.Span);
        json.WriteBoolean("peerMatched", rule.PeerMatched);
        json.WriteString("ports", rule.Ports.ToString());
        json.WriteString("allows", rule.Allows.ToString());
        if (rule.AllowsQuery is { } yes)
            json.WriteBoolean("allowsPort", yes);
        Reasons(json, "reasons", rule.PeerReasons.AddRange(rule.PortReasons), hints);
        json.WriteStartArray("peers");
        for (var i = 0; i < rule.Peers.Length; i++)
        {
            var peer = rule.Peers[i];
            json.WriteStartObject();
            json.WriteNumber("index", i);
            Location(json, peer.Peer.Span);
            json.WriteBoolean("matched", peer.Matched);
            if (peer.Namespace is { } ns)
            {
                json.WriteStartObject("namespace");
                json.WriteString("name", ns.Name);
                json.WriteBoolean("declared", ns.Declared);
                json.WriteStartObject("labels");
                foreach (var (key, value) in ns.Labels)
                    json.WriteString(key, value);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            Reasons(json, "reasons", peer.Reasons, hints);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("portEntries");
        for (var i = 0; i < rule.PortEntries.Length; i++)
        {
            var entry = rule.PortEntries[i];
            json.WriteStartObject();
            json.WriteNumber("index", i);
            Location(json, entry.Port.Span);
            json.WriteString("allows", entry.Allows.ToString());
            if (entry.MatchesQuery is { } matches)
                json.WriteBoolean("matchesPort", matches);
            Reason(json, "reason", entry.Reason, hints);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Reasons(Utf8JsonWriter json, string name, IEnumerable<Reason> reasons, ExplainHints hints)
    {
        json.WriteStartArray(name);
        foreach (var reason in reasons)
            Reason(json, null, reason, hints);
        json.WriteEndArray();
    }

    private static void Reason(Utf8JsonWriter json, string? name, Reason reason, ExplainHints hints)
    {
        if (name is null)
            json.WriteStartObject();
        else
            json.WriteStartObject(name);
        json.WriteString("kind", JsonNamingPolicy.CamelCase.ConvertName(reason.Kind.ToString()));
        Location(json, reason.Span);
        if (reason.Key is not null)
            json.WriteString("key", reason.Key);
        if (reason.Expected is not null)
            json.WriteString("expected", reason.Expected);
        if (reason.Actual is not null)
            json.WriteString("actual", reason.Actual);
        json.WriteString("message", ReasonText.Describe(reason, hints));
        json.WriteEndObject();
    }

    /// <summary><c>"location": {path, line, column, endLine, endColumn}</c>, or <c>null</c> for implied behaviour.</summary>
    private static void Location(Utf8JsonWriter json, SourceSpan span)
    {
        if (span.IsNone)
        {
            json.WriteNull("location");
            return;
        }

        json.WriteStartObject("location");
        json.WriteString("path", span.Path.Replace('\\', '/'));
        json.WriteNumber("line", span.Line);
        json.WriteNumber("column", span.Column);
        json.WriteNumber("endLine", span.EndLine);
        json.WriteNumber("endColumn", span.EndColumn);
        json.WriteEndObject();
    }
}
