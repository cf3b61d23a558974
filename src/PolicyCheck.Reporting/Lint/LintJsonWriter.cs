using System.Text.Json;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;
using PolicyCheck.Reporting.Formats;

namespace PolicyCheck.Reporting.Lint;

/// <summary>
/// The documented JSON contract <c>policycheck/lint/v1</c>: a summary and the findings in report order. Suppressed
/// findings are included with a <c>suppressed</c> object (kind, justification) and left out of the severity counts.
/// </summary>
public static class LintJsonWriter
{
    public const string Schema = "policycheck/lint/v1";

    public static void Write(LintReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        JsonText.WriteDocument(output, json =>
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            NetworkPluginText.WriteJson(json, report.Plugin);
            json.WriteStartObject("summary");
            json.WriteNumber("files", report.Files);
            json.WriteNumber("objects", report.Objects);
            json.WriteNumber("errors", report.Count(Severity.Error));
            json.WriteNumber("warnings", report.Count(Severity.Warning));
            json.WriteNumber("notes", report.Count(Severity.Note));
            json.WriteNumber("suppressed", report.SuppressedCount);
            json.WriteEndObject();
            json.WriteStartArray("findings");
            foreach (var diagnostic in report.Diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", diagnostic.Id);
                json.WriteString("name", diagnostic.Descriptor.Name);
                json.WriteString("severity", diagnostic.Severity.ToString().ToLowerInvariant());
                json.WriteString("message", diagnostic.Message);
                json.WritePropertyName("location");
                WriteSpan(json, diagnostic.Span);
                json.WriteStartArray("related");
                foreach (var related in diagnostic.Related)
                    WriteSpan(json, related);
                json.WriteEndArray();
                json.WriteString("helpUri", diagnostic.Descriptor.HelpUri.ToString());
                if (diagnostic.Suppression is { } suppression)
                {
                    json.WriteStartObject("suppressed");
                    json.WriteString("kind", suppression.Kind == SuppressionKind.InSource ? "inSource" : "external");
                    json.WriteString("justification", suppression.Justification);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary><c>null</c> for a finding without a place in a file.</summary>
    internal static void WriteSpan(Utf8JsonWriter json, SourceSpan span)
    {
        if (span.IsNone)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartObject();
        json.WriteString("path", span.Path);
        json.WriteNumber("line", span.Line);
        json.WriteNumber("column", span.Column);
        json.WriteNumber("endLine", span.EndLine);
        json.WriteNumber("endColumn", span.EndColumn);
        json.WriteEndObject();
    }
}
