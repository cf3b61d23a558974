using System.Collections.Immutable;
using System.Text.Json;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Diff;
using PolicyCheck.Core.Engine;
using PolicyCheck.Reporting.Formats;
using PolicyCheck.Reporting.Lint;

namespace PolicyCheck.Reporting.Diff;

/// <summary>The documented JSON contract <c>policycheck/diff/v1</c> (docs/diff-output.md).</summary>
public static class DiffJsonWriter
{
    public const string Schema = "policycheck/diff/v1";

    public static void Write(DiffReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var c = report.Connections;
        var f = report.Findings;
        JsonText.WriteDocument(output, json =>
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            NetworkPluginText.WriteJson(json, report.Plugin);
            json.WriteString("base", report.Base);
            json.WriteString("head", report.Head);
            json.WriteString("headline", report.Headline());
            json.WriteStartObject("summary");
            json.WriteNumber("connectionsAdded", c.Added.Length);
            json.WriteNumber("connectionsRemoved", c.Removed.Length);
            json.WriteNumber("connectionsChanged", c.Changed.Length);
            json.WriteNumber("subjectsAdded", c.SubjectsAdded.Length);
            json.WriteNumber("subjectsRemoved", c.SubjectsRemoved.Length);
            json.WriteNumber("findingsIntroduced", f.Introduced.Length);
            json.WriteNumber("findingsFixed", f.Fixed.Length);
            json.WriteEndObject();

            json.WriteStartObject("subjects");
            JsonText.WriteStrings(json, "added", c.SubjectsAdded);
            JsonText.WriteStrings(json, "removed", c.SubjectsRemoved);
            json.WriteEndObject();

            json.WriteStartObject("connections");
            WriteChanges(json, "added", c.Added);
            WriteChanges(json, "removed", c.Removed);
            WriteChanges(json, "changed", c.Changed);
            json.WriteEndObject();

            json.WriteStartObject("findings");
            WriteFindings(json, "introduced", f.Introduced);
            WriteFindings(json, "fixed", f.Fixed);
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    private static void WriteChanges(Utf8JsonWriter json, string name, ImmutableArray<ConnectionChange> changes) =>
        ConnectionChangeJson.WriteArray(json, name, changes, static (json, change) =>
        {
            json.WriteBoolean("betweenReplicas", change.IsBetweenReplicas);
            WritePortSet(json, "before", change.Before);
            WritePortSet(json, "after", change.After);
            WritePortSet(json, "gained", change.Gained);
            WritePortSet(json, "lost", change.Lost);
        });

    private static void WritePortSet(Utf8JsonWriter json, string name, PortSet? set)
    {
        json.WritePropertyName(name);
        if (set is null)
            json.WriteNullValue();
        else
            JsonText.WritePortSet(json, set);
    }

    private static void WriteFindings(Utf8JsonWriter json, string name, ImmutableArray<Diagnostic> findings)
    {
        json.WriteStartArray(name);
        foreach (var diagnostic in findings)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", diagnostic.Id);
            json.WriteString("name", diagnostic.Descriptor.Name);
            json.WriteString("severity", diagnostic.Severity.ToString().ToLowerInvariant());
            json.WriteString("message", diagnostic.Message);
            json.WritePropertyName("location");
            LintJsonWriter.WriteSpan(json, diagnostic.Span);
            json.WriteString("helpUri", diagnostic.Descriptor.HelpUri.ToString());
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
