using System.Collections.Immutable;
using System.Globalization;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;
using PolicyCheck.Reporting.Formats;
using PolicyCheck.Reporting.Matrix;

namespace PolicyCheck.Reporting.Services;

/// <summary>
/// <c>matrix --services</c>: clients (workloads and outside address ranges) × service ports
/// (<c>ns/svc:port/proto</c>); a cell is <c>all</c>, <c>k/n</c> backends, <c>none</c>, <c>none?</c> (only
/// ipBlock rules could admit the source-NATed traffic: depends on node addresses) or <c>-</c> (no endpoints).
/// </summary>
public static class ServiceMatrixWriter
{
    public const string Schema = "policycheck/service-matrix/v1";

    private const string Corner = "client";
    private const int Gap = 2;

    /// <summary>The column id: <c>default/my-service:80/TCP</c>.</summary>
    public static string Column(ServiceSummary summary, ServicePortSummary port)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(port);
        return $"{summary.Id}:{port.Port.Port.ToString(CultureInfo.InvariantCulture)}/{port.Port.Protocol.ToApiString()}";
    }

    /// <summary>
    /// A table: one row per shown client (subject index), one column per service port. Columns that do not fit
    /// <paramref name="width"/> go on further pages as the workload matrix's do: each page starts with
    /// <c>columns 1-3 of 8</c>, repeats every client, and pages are separated by a blank line.
    /// </summary>
    public static void WriteTable(ImmutableArray<ServiceSummary> services, ImmutableArray<int> clients, TextWriter output, int width = RenderOptions.DefaultWidth)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        var columns = services.SelectMany(s => s.Ports.Select(p => (Summary: s, Port: p))).ToList();
        if (columns.Count == 0)
        {
            output.WriteLine("No service ports.");
            return;
        }

        var names = clients.Select(c => TerminalText.Clean(columns[0].Port.Verdicts[c].Client.Id)).ToList();
        var firstWidth = Math.Max(Corner.Length, names.Count == 0 ? 0 : names.Max(n => n.Length));
        var headers = columns.Select(c => TerminalText.Clean(Column(c.Summary, c.Port))).ToList();
        var cells = new string[clients.Length, columns.Count];
        var widths = headers.Select(h => h.Length).ToArray();
        for (var row = 0; row < clients.Length; row++)
        {
            for (var col = 0; col < columns.Count; col++)
            {
                cells[row, col] = ServiceReachText.Cell(columns[col].Port.Verdicts[clients[row]]);
                widths[col] = Math.Max(widths[col], cells[row, col].Length);
            }
        }

        var pages = ColumnPages.Split(widths, firstWidth, width, Gap);
        var line = new System.Text.StringBuilder();
        for (var p = 0; p < pages.Count; p++)
        {
            var (first, end) = pages[p];
            if (p > 0)
                output.WriteLine();
            if (pages.Count > 1)
            {
                output.WriteLine(end - first == 1
                    ? string.Create(CultureInfo.InvariantCulture, $"column {first + 1} of {columns.Count}")
                    : string.Create(CultureInfo.InvariantCulture, $"columns {first + 1}-{end} of {columns.Count}"));
            }

            line.Clear().Append(Corner.PadRight(firstWidth));
            for (var col = first; col < end; col++)
                line.Append(' ', Gap).Append(headers[col].PadRight(widths[col]));
            output.WriteLine(line.ToString().TrimEnd());
            for (var row = 0; row < clients.Length; row++)
            {
                line.Clear().Append(names[row].PadRight(firstWidth));
                for (var col = first; col < end; col++)
                    line.Append(' ', Gap).Append(cells[row, col].PadRight(widths[col]));
                output.WriteLine(line.ToString().TrimEnd());
            }
        }

        output.WriteLine();
        output.WriteLine("all/k of n/none: backends reached on their targetPort; none?: depends on node addresses (externalTrafficPolicy Cluster); -: no endpoints");
    }

    /// <summary>The <c>policycheck/service-matrix/v1</c> document: columns, clients, and one cell per pair.</summary>
    public static void WriteJson(ImmutableArray<ServiceSummary> services, ImmutableArray<int> clients, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var columns = services.SelectMany(s => s.Ports.Select(p => (Summary: s, Port: p))).ToList();
        JsonText.WriteDocument(output, json =>
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            json.WriteStartArray("columns");
            foreach (var (summary, port) in columns)
            {
                json.WriteStartObject();
                json.WriteString("id", Column(summary, port));
                json.WriteString("service", summary.Id);
                if (port.Port.Name is { } name)
                    json.WriteString("name", name);
                json.WriteNumber("port", port.Port.Port);
                json.WriteString("protocol", port.Port.Protocol.ToApiString());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("cells");
            foreach (var client in clients)
            {
                foreach (var (summary, port) in columns)
                {
                    var verdict = port.Verdicts[client];
                    json.WriteStartObject();
                    json.WriteString("client", verdict.Client.Id);
                    json.WriteString("column", Column(summary, port));
                    json.WriteString("coverage", ServiceReachText.Coverage(verdict.Coverage));
                    json.WriteNumber("reached", verdict.Reached);
                    json.WriteNumber("endpoints", verdict.Endpoints);
                    if (verdict.Uncertain > 0)
                        json.WriteNumber("dependsOnNodeAddresses", verdict.Uncertain);
                    json.WriteStartArray("reachedBackends");
                    foreach (var backend in verdict.Backends.Where(b => b.IsAllowed))
                        json.WriteStringValue(backend.Backend.Id);
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }
}
