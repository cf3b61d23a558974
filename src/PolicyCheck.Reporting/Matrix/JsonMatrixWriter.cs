using System.Buffers;
using System.Text.Json;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Reporting.Formats;
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
        var cells = report.Cells();
        var buffer = new ArrayBufferWriter<byte>(ChunkBytes);
        var options = Options(output);
        using var json = new Utf8JsonWriter(buffer, options);

        json.WriteStartObject();
        json.WriteString("schema", Schema);
        NetworkPluginText.WriteJson(json, report.Matrix.Options);
        if (report.Port is { } port)
            json.WriteString("port", port.ToString());
        if (cells.Grouped)
            json.WriteBoolean("grouped", true);

        json.WriteStartArray("subjects");
        for (var position = 0; position < report.Shown.Length; position++)
        {
            WriteSubject(json, report.Matrix, report.Shown[position]);
            Drain(json, buffer, output, ChunkBytes);
        }

        json.WriteEndArray();

        if (cells.Grouped)
            WriteGroups(json, buffer, output, report, cells);
        WriteConnections(json, buffer, output, report, cells);

        json.WriteEndObject();
        Drain(json, buffer, output, 0);
        output.Write(options.NewLine);
    }

    /// <summary>
    /// Row-major, one entry per pair of positions that allows something. On the diagonal, the subject to itself (a
    /// group: one member to another), with <c>betweenReplicas</c> where the position is one subject with several pods.
    /// </summary>
    private static void WriteConnections(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer, TextWriter output, MatrixReport report, IMatrixCells cells)
    {
        var ids = Enumerable.Range(0, cells.Count).Select(cells.IdOf).ToArray();
        var allowed = report.Port is null ? new PortSet[cells.Count] : null;
        json.WriteStartArray("connections");
        for (var row = 0; row < cells.Count; row++)
        {
            if (allowed is not null)
                cells.AllowedRow(row, allowed);
            for (var column = 0; column < cells.Count; column++)
            {
                if (allowed is not null)
                    WriteConnection(json, cells, ids, row, column, allowed[column]);
                else
                    WritePortConnection(json, cells, ids, row, column);
            }

            Drain(json, buffer, output, ChunkBytes);
        }

        json.WriteEndArray();
    }

    /// <summary><c>{"id": "g1", "members": ["x/a", "x/b"], "within": …}</c> per group; <c>within</c> only where two pods of the group exist.</summary>
    private static void WriteGroups(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer, TextWriter output, MatrixReport report, IMatrixCells cells)
    {
        json.WriteStartArray("groups");
        for (var group = 0; group < cells.Count; group++)
        {
            json.WriteStartObject();
            json.WriteString("id", cells.IdOf(group));
            json.WriteStartArray("members");
            foreach (var member in cells.MembersOf(group))
                json.WriteStringValue(cells.Matrix.Subjects[member].Id);
            json.WriteEndArray();
            if (report.Port is null)
            {
                if (cells.Within(group) is { } within)
                {
                    json.WritePropertyName("within");
                    WritePortSet(json, within);
                }
            }
            else if (cells.IsPortAllowedWithin(group) is { } within)
            {
                json.WriteBoolean("within", within);
            }

            json.WriteEndObject();
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
            if (subject.IsAssumed)
                json.WriteBoolean("assumed", true);
            if (workload.Controller is { } controller)
                WriteRef(json, "controller", controller);
            if (workload.CreatedFrom is { } origin)
                WriteRef(json, "createdFrom", origin);
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

    /// <summary><c>"name": {"kind": …, "namespace": …, "name": …}</c>.</summary>
    private static void WriteRef(Utf8JsonWriter json, string property, ObjectRef reference)
    {
        json.WriteStartObject(property);
        json.WriteString("kind", reference.Kind);
        json.WriteString("namespace", reference.Namespace);
        json.WriteString("name", reference.Name);
        json.WriteEndObject();
    }

    private static void WriteConnection(Utf8JsonWriter json, IMatrixCells cells, string[] ids, int row, int column, PortSet allowed)
    {
        if (allowed.IsEmpty)
            return;
        StartPair(json, ids[row], ids[column]);
        json.WritePropertyName("allowed");
        WritePortSet(json, allowed);
        if (row == column && cells.BetweenReplicas(row) is { } between)
        {
            json.WritePropertyName("betweenReplicas");
            WritePortSet(json, between);
        }

        json.WriteEndObject();
    }

    private static void WritePortConnection(Utf8JsonWriter json, IMatrixCells cells, string[] ids, int row, int column)
    {
        if (!cells.IsPortAllowed(row, column))
            return;
        StartPair(json, ids[row], ids[column]);
        json.WriteBoolean("allowed", true);
        if (row == column && cells.IsPortAllowedBetweenReplicas(row) is { } between)
            json.WriteBoolean("betweenReplicas", between);
        json.WriteEndObject();
    }

    private static void StartPair(Utf8JsonWriter json, string from, string to)
    {
        json.WriteStartObject();
        json.WriteString("from", from);
        json.WriteString("to", to);
    }
}
