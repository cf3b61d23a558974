using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Exposure;
using PolicyCheck.Core.Model;
using PolicyCheck.Reporting.Formats;
using static PolicyCheck.Reporting.Formats.JsonText;

namespace PolicyCheck.Reporting.List;

/// <summary>
/// Writes the <c>policycheck/list/v1</c> document described in docs/list-output.md: the filters asked for, the
/// listed connections (ids and port sets shaped as in <c>policycheck/matrix/v1</c>) and the <c>exposure</c> object.
/// It streams in chunks, so a long list never sits in memory as text.
/// </summary>
internal sealed class JsonListWriter : IListWriter
{
    public const string Schema = "policycheck/list/v1";


    public void Write(ListReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        report.Validate();
        var buffer = new ArrayBufferWriter<byte>(ChunkBytes);
        var options = Options(output);
        using var json = new Utf8JsonWriter(buffer, options);

        json.WriteStartObject();
        json.WriteString("schema", Schema);
        NetworkPluginText.WriteJson(json, report.Matrix.Options);
        if (report.Focus is { } focus)
            json.WriteString("focus", focus.Text);
        if (report.Direction is { } direction)
            json.WriteString("direction", direction == Direction.Ingress ? "ingress" : "egress");
        if (report.Port is { } port)
            json.WriteString("port", port.ToString());

        if (report.ListConnections)
        {
            json.WriteBoolean("includeSelf", report.IncludeSelf);
            json.WriteStartArray("connections");
            foreach (var entry in report.Entries())
            {
                WriteEntry(json, report, entry);
                Drain(json, buffer, output, ChunkBytes);
            }

            json.WriteEndArray();
        }

        if (report.Exposure is { } exposure)
            WriteExposure(json, exposure);

        json.WriteEndObject();
        Drain(json, buffer, output, 0);
        output.Write(options.NewLine);
    }

    private static void WriteEntry(Utf8JsonWriter json, ListReport report, ListEntry entry)
    {
        var subjects = report.Matrix.Subjects;
        json.WriteStartObject();
        json.WriteString("from", subjects[entry.From].Id);
        json.WriteString("to", subjects[entry.To].Id);
        json.WritePropertyName("allowed");
        WritePortSet(json, entry.Allowed);
        if (entry.BetweenReplicas is { } between)
        {
            json.WritePropertyName("betweenReplicas");
            WritePortSet(json, between);
        }

        json.WriteEndObject();
    }

    private static void WriteExposure(Utf8JsonWriter json, ExposureReport exposure)
    {
        var subjects = exposure.Matrix.Subjects;
        json.WriteStartObject("exposure");
        json.WriteNumber("workloads", exposure.Workloads);
        json.WriteNumber("namespaces", exposure.Namespaces);
        json.WriteNumber("outsideSubjects", exposure.OutsideSubjects);
        json.WriteNumber("analyzed", exposure.Subjects.Length);

        WritePortList(json, "openToCluster", exposure, s => s.OpenToCluster);
        WritePortList(json, "openToAllNamespaces", exposure, s => s.OpenToAllNamespaces);

        json.WriteStartArray("openToOutside");
        foreach (var s in exposure.Subjects.Where(s => !s.OpenToOutside.IsEmpty))
        {
            json.WriteStartObject();
            json.WriteString("subject", subjects[s.Subject].Id);
            json.WritePropertyName("allowed");
            WritePortSet(json, s.OpenToOutside);
            json.WritePropertyName("fromEveryOutsideAddress");
            WritePortSet(json, s.OpenToEveryOutsideAddress);
            json.WriteStartArray("from");
            foreach (var source in s.OutsideSources)
            {
                var external = subjects[source.External];
                json.WriteStartObject();
                json.WriteString("subject", external.Id);
                json.WriteStartArray("ranges");
                foreach (var range in external.Ranges)
                    json.WriteStringValue(range.ToString());
                json.WriteEndArray();
                json.WritePropertyName("allowed");
                WritePortSet(json, source.Allowed);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartObject("notIsolated");
        WriteIds(json, "ingress", exposure.Subjects.Where(s => !s.IngressIsolated), subjects);
        WriteIds(json, "egress", exposure.Subjects.Where(s => !s.EgressIsolated), subjects);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WritePortList(Utf8JsonWriter json, string name, ExposureReport exposure, Func<SubjectExposure, PortSet> ports)
    {
        json.WriteStartArray(name);
        foreach (var s in exposure.Subjects)
        {
            var set = ports(s);
            if (set.IsEmpty)
                continue;
            json.WriteStartObject();
            json.WriteString("subject", exposure.Matrix.Subjects[s.Subject].Id);
            json.WritePropertyName("allowed");
            WritePortSet(json, set);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteIds(Utf8JsonWriter json, string name, IEnumerable<SubjectExposure> items, ImmutableArray<Subject> subjects)
    {
        json.WriteStartArray(name);
        foreach (var s in items)
            json.WriteStringValue(subjects[s.Subject].Id);
        json.WriteEndArray();
    }
}
