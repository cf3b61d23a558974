using System.Globalization;
using System.Text.Json;
using PolicyCheck.Core.Audit;
using PolicyCheck.Core.Diff;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Reporting.Formats;

namespace PolicyCheck.Reporting.Audit;

/// <summary>
/// Renders <see cref="AuditDrift"/>: text for people, Markdown for pull requests and job summaries, JSON
/// (<c>policycheck/audit-drift/v1</c>) for tools. "cluster" is what runs, "manifests" what the inputs declare.
/// </summary>
public static class DriftWriter
{
    public const string Schema = "policycheck/audit-drift/v1";

    /// <param name="plugin">The network plugin model both sides were evaluated under, recorded in JSON; generic when null.</param>
    public static void Write(AuditDrift drift, DriftFormat format, TextWriter output, EvaluationOptions? plugin = null)
    {
        ArgumentNullException.ThrowIfNull(drift);
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case DriftFormat.Json:
                WriteJson(drift, output, plugin);
                break;
            case DriftFormat.Markdown:
                WriteMarkdown(drift, output);
                break;
            default:
                WriteText(drift, output);
                break;
        }
    }

    private static void WriteText(AuditDrift drift, TextWriter output)
    {
        output.WriteLine(TerminalText.Clean($"Drift between cluster '{drift.Context}' and the manifests"));
        if (drift.IsEmpty)
        {
            output.WriteLine("No drift: the cluster's NetworkPolicies, workloads and connections match the manifests.");
            return;
        }

        var policies = drift.Policies;
        Section(output, "NetworkPolicies only in the cluster", policies.OnlyLive, p => $"{Name(p)}  {p.Span}");
        Section(output, "NetworkPolicies only in the manifests", policies.OnlyDeclared, p => $"{Name(p)}  {p.Span}");
        Section(output, "NetworkPolicies that differ", policies.Different,
            d => $"{Name(d.Live)}: {string.Join(", ", d.Parts)} differ  (cluster {d.Live.Span}, manifests {d.Declared.Span})");
        Section(output, "Workloads only in the cluster", drift.WorkloadsOnlyLive, id => id);
        Section(output, "Workloads only in the manifests", drift.WorkloadsOnlyDeclared, id => id);
        var connections = drift.Connections;
        Section(output, "Connections the cluster allows and the manifests would not", connections.Added, c => $"{Pair(c)}: {c.After}");
        Section(output, "Connections the manifests allow and the cluster does not", connections.Removed, c => $"{Pair(c)}: {c.Before}");
        Section(output, "Connections allowed on other ports", connections.Changed,
            c => $"{Pair(c)}: cluster {c.After}, manifests {c.Before}");
        output.WriteLine();
        output.WriteLine("Drift: " + Summary(drift) + ".");
    }

    private static void WriteMarkdown(AuditDrift drift, TextWriter output)
    {
        output.WriteLine($"## Drift between cluster `{MarkdownText.Code(drift.Context)}` and the manifests");
        output.WriteLine();
        if (drift.IsEmpty)
        {
            output.WriteLine("No drift: the cluster's NetworkPolicies, workloads and connections match the manifests.");
            return;
        }

        output.WriteLine($"**Drift:** {Summary(drift)}.");
        var policies = drift.Policies;
        MarkdownList(output, "NetworkPolicies only in the cluster", policies.OnlyLive, p => $"`{MarkdownText.Code(Name(p))}`");
        MarkdownList(output, "NetworkPolicies only in the manifests", policies.OnlyDeclared, p => $"`{MarkdownText.Code(Name(p))}` ({MarkdownText.Escape(p.Span.ToString())})");
        MarkdownList(output, "NetworkPolicies that differ", policies.Different, d => $"`{MarkdownText.Code(Name(d.Live))}`: {MarkdownText.Escape(string.Join(", ", d.Parts))}");
        MarkdownList(output, "Workloads only in the cluster", drift.WorkloadsOnlyLive, id => $"`{MarkdownText.Code(id)}`");
        MarkdownList(output, "Workloads only in the manifests", drift.WorkloadsOnlyDeclared, id => $"`{MarkdownText.Code(id)}`");
        var connections = drift.Connections;
        if (connections.All.Any())
        {
            output.WriteLine();
            output.WriteLine("| From | To | Cluster allows | Manifests allow |");
            output.WriteLine("|---|---|---|---|");
            foreach (var change in connections.All)
                output.WriteLine($"| `{MarkdownText.Code(change.From)}` | `{MarkdownText.Code(change.To)}` | {Ports(change.After)} | {Ports(change.Before)} |");
        }
    }

    private static void WriteJson(AuditDrift drift, TextWriter output, EvaluationOptions? plugin)
    {
        JsonText.WriteDocument(output, json =>
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            NetworkPluginText.WriteJson(json, plugin);
            json.WriteString("context", drift.Context);
            json.WriteBoolean("drift", !drift.IsEmpty);
            json.WriteStartObject("policies");
            PolicyArray(json, "onlyInCluster", drift.Policies.OnlyLive);
            PolicyArray(json, "onlyInManifests", drift.Policies.OnlyDeclared);
            json.WriteStartArray("different");
            foreach (var difference in drift.Policies.Different)
            {
                json.WriteStartObject();
                json.WriteString("namespace", difference.Live.Namespace);
                json.WriteString("name", difference.Live.Name);
                JsonText.WriteStrings(json, "parts", difference.Parts);
                json.WriteString("cluster", difference.Live.Span.ToString());
                json.WriteString("manifests", difference.Declared.Span.ToString());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("workloads");
            JsonText.WriteStrings(json, "onlyInCluster", drift.WorkloadsOnlyLive);
            JsonText.WriteStrings(json, "onlyInManifests", drift.WorkloadsOnlyDeclared);
            json.WriteEndObject();
            json.WriteStartObject("connections");
            ConnectionArray(json, "onlyInCluster", drift.Connections.Added);
            ConnectionArray(json, "onlyInManifests", drift.Connections.Removed);
            ConnectionArray(json, "differentPorts", drift.Connections.Changed);
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    private static void PolicyArray(Utf8JsonWriter json, string name, IEnumerable<NetworkPolicy> policies)
    {
        json.WriteStartArray(name);
        foreach (var policy in policies)
        {
            json.WriteStartObject();
            json.WriteString("namespace", policy.Namespace);
            json.WriteString("name", policy.Name);
            json.WriteString("location", policy.Span.ToString());
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void ConnectionArray(Utf8JsonWriter json, string name, IEnumerable<ConnectionChange> changes) =>
        ConnectionChangeJson.WriteArray(json, name, changes, static (json, change) =>
        {
            json.WritePropertyName("cluster");
            JsonText.WritePortSet(json, change.After ?? PortSet.None);
            json.WritePropertyName("manifests");
            JsonText.WritePortSet(json, change.Before ?? PortSet.None);
        });

    private static void Section<T>(TextWriter output, string title, IReadOnlyCollection<T> items, Func<T, string> line)
    {
        if (items.Count == 0)
            return;
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{title} ({items.Count}):"));
        foreach (var item in items)
            output.WriteLine("  " + TerminalText.Clean(line(item)));
    }

    private static void MarkdownList<T>(TextWriter output, string title, IReadOnlyCollection<T> items, Func<T, string> line)
    {
        if (items.Count == 0)
            return;
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"### {title} ({items.Count})"));
        output.WriteLine();
        foreach (var item in items)
            output.WriteLine("- " + line(item));
    }

    private static string Summary(AuditDrift drift)
    {
        var policies = drift.Policies;
        var connections = drift.Connections;
        return string.Create(CultureInfo.InvariantCulture,
            $"{policies.OnlyLive.Length} polic(ies) only in the cluster, {policies.OnlyDeclared.Length} only in the manifests, " +
            $"{policies.Different.Length} different; {drift.WorkloadsOnlyLive.Length} workload(s) only in the cluster, " +
            $"{drift.WorkloadsOnlyDeclared.Length} only in the manifests; {connections.Added.Length} connection(s) only the cluster allows, " +
            $"{connections.Removed.Length} only the manifests allow, {connections.Changed.Length} on other ports");
    }

    private static string Name(NetworkPolicy policy) => $"{policy.Namespace}/{policy.Name}";

    private static string Pair(ConnectionChange change) => FlowText.Pair(change.From, change.To, change.IsBetweenReplicas);

    private static string Ports(PortSet? set) => set is null ? "—" : set.ToString();
}
