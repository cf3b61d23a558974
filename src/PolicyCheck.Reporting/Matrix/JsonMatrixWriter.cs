using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using static PolicyCheck.Reporting.Formats.JsonText;

namespace PolicyCheck.Reporting.Matrix;

/// <summary>
/// Writes the <c>policycheck/matrix/v1</c> document described in docs/json-output.md: the shown subjects, then one
/// entry per ordered pair that allows something (row by row), indented. A report with groups gets the grouped form:
/// <c>"grouped": true</c>, the same subjects, a <c>groups</c> array, and connections between groups, which cost
/// groups × groups cells whatever the number of subjects. It streams: the text goes out in chunks as it is produced,
/// so a large cluster never sits in memory as a second, textual copy.
/// </summary>
internal sealed class JsonMatrixWriter : IMatrixWriter
{
    public const string Schema = "policycheck/matrix/v1";


    public void Write(MatrixReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        report.Validate();
        var buffer = new ArrayBufferWriter<byte>(ChunkBytes);
        var options = Options(output);
        using var json = new Utf8JsonWriter(buffer, options);

        json.WriteStartObject();
        json.WriteString("schema", Schema);
        if (report.Port is { } port)
            json.WriteString("port", port.ToString());
        if (report.Groups is not null)
            json.WriteBoolean("grouped", true);

        json.WriteStartArray("subjects");
        for (var position = 0; position < report.Shown.Length; position++)
        {
            WriteSubject(json, report.Matrix, report.Shown[position]);
            Drain(json, buffer, output, ChunkBytes);
        }

        json.WriteEndArray();

        if (report.Groups is { } groups)
        {
            WriteGroups(json, buffer, output, report, groups);
            WriteGroupConnections(json, buffer, output, report, groups);
        }
        else
        {
            WriteConnections(json, buffer, output, report);
        }

        json.WriteEndObject();
        Drain(json, buffer, output, 0);
        output.Write(options.NewLine);
    }

    private static void WriteConnections(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer, TextWriter output, MatrixReport report)
    {
        json.WriteStartArray("connections");
        for (var row = 0; row < report.Shown.Length; row++)
        {
            for (var column = 0; column < report.Shown.Length; column++)
            {
                if (report.Port is null)
                    WriteConnection(json, report, row, column);
                else
                    WritePortConnection(json, report, row, column);
            }

            Drain(json, buffer, output, ChunkBytes);
        }

        json.WriteEndArray();
    }

    /// <summary><c>{"id": "g1", "members": ["x/a", "x/b"], "within": …}</c> per group; <c>within</c> only where two pods of the group exist.</summary>
    private static void WriteGroups(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer, TextWriter output, MatrixReport report, SubjectGroups groups)
    {
        json.WriteStartArray("groups");
        for (var group = 0; group < groups.Count; group++)
        {
            json.WriteStartObject();
            json.WriteString("id", SubjectGroups.IdOf(group));
            json.WriteStartArray("members");
            foreach (var member in groups.Members[group])
                json.WriteStringValue(report.Matrix.Subjects[member].Id);
            json.WriteEndArray();
            if (report.Port is null)
            {
                if (report.GroupWithin(group) is { } within)
                {
                    json.WritePropertyName("within");
                    WritePortSet(json, within);
                }
            }
            else if (report.GroupPortWithin(group) is { } within)
            {
                json.WriteBoolean("within", within);
            }

            json.WriteEndObject();
            Drain(json, buffer, output, ChunkBytes);
        }

        json.WriteEndArray();
    }

    /// <summary>
    /// Row-major over groups. A group to itself: with two or more members, what distinct members allow each other;
    /// with one, exactly that subject's diagonal entry of the ungrouped form (with <c>betweenReplicas</c>).
    /// </summary>
    private static void WriteGroupConnections(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer, TextWriter output, MatrixReport report, SubjectGroups groups)
    {
        var ids = Enumerable.Range(0, groups.Count).Select(SubjectGroups.IdOf).ToArray();
        json.WriteStartArray("connections");
        for (var from = 0; from < groups.Count; from++)
        {
            var alone = groups.Members[from].Length == 1;
            for (var to = 0; to < groups.Count; to++)
            {
                var self = from == to && alone;
                if (report.Port is null)
                {
                    var allowed = report.GroupAllowed(from, to);
                    if (allowed.IsEmpty)
                        continue;
                    StartPair(json, ids[from], ids[to]);
                    json.WritePropertyName("allowed");
                    WritePortSet(json, allowed);
                    if (self && report.Matrix.BetweenReplicas(groups.Members[from][0]) is { } between)
                    {
                        json.WritePropertyName("betweenReplicas");
                        WritePortSet(json, between);
                    }
                }
                else
                {
                    if (!report.GroupPortAllowed(from, to))
                        continue;
                    StartPair(json, ids[from], ids[to]);
                    json.WriteBoolean("allowed", true);
                    if (self && report.Port.IsAllowedBetweenReplicas(report.Matrix, groups.Members[from][0]) is { } between)
                        json.WriteBoolean("betweenReplicas", between);
                }

                json.WriteEndObject();
            }

            Drain(json, buffer, output, ChunkBytes);
        }

        json.WriteEndArray();
    }

    private static void WriteSubject(Utf8JsonWriter json, ReachabilityMatrix matrix, int index)
    {
        var subject = matrix.Subjects[index];
        json.WriteStartObject();
        json.WriteString("id", subject.Id);
        json.WriteString("kind", subject.Kind);
        if (subject.Workload is { } workload)
        {
            json.WriteString("namespace", subject.Namespace);
            json.WriteString("name", subject.Name);
            json.WriteStartObject("labels");
            foreach (var (key, value) in subject.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
                json.WriteString(key, value);
            json.WriteEndObject();
            json.WriteNumber("replicas", workload.Replicas);
            json.WriteStartObject("isolated");
            json.WriteBoolean("ingress", matrix.IsIsolated(index, Direction.Ingress));
            json.WriteBoolean("egress", matrix.IsIsolated(index, Direction.Egress));
            json.WriteEndObject();
        }
        else
        {
            json.WriteStartArray("ranges");
            foreach (var range in subject.Ranges)
                json.WriteStringValue(range.ToString());
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteConnection(Utf8JsonWriter json, MatrixReport report, int row, int column)
    {
        var allowed = report.Allowed(row, column);
        if (allowed.IsEmpty)
            return;
        WritePair(json, report, row, column);
        json.WritePropertyName("allowed");
        WritePortSet(json, allowed);
        if (row == column && report.Matrix.BetweenReplicas(report.Shown[row]) is { } between)
        {
            json.WritePropertyName("betweenReplicas");
            WritePortSet(json, between);
        }

        json.WriteEndObject();
    }

    private static void WritePortConnection(Utf8JsonWriter json, MatrixReport report, int row, int column)
    {
        if (!report.IsPortAllowed(row, column))
            return;
        WritePair(json, report, row, column);
        json.WriteBoolean("allowed", true);
        if (row == column && report.Port!.IsAllowedBetweenReplicas(report.Matrix, report.Shown[row]) is { } between) // only called with a port
            json.WriteBoolean("betweenReplicas", between);
        json.WriteEndObject();
    }

    private static void WritePair(Utf8JsonWriter json, MatrixReport report, int row, int column) =>
        StartPair(json, report.SubjectAt(row).Id, report.SubjectAt(column).Id);

    private static void StartPair(Utf8JsonWriter json, string from, string to)
    {
        json.WriteStartObject();
        json.WriteString("from", from);
        json.WriteString("to", to);
    }
}
