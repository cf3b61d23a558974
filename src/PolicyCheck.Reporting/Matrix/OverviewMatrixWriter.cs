using System.Globalization;
using PolicyCheck.Reporting.Formats;

namespace PolicyCheck.Reporting.Matrix;

/// <summary>
/// A few lines in place of a matrix too large to read: how many subjects (workloads and external), how many groups,
/// how many ordered pairs of different subjects allow something (or the queried port), how many subjects are isolated
/// per direction, and the <see cref="ListedGroups"/> largest groups of two or more members with their JSON ids and
/// members (as many as fit the width). Only ASCII is written.
/// <code>
/// subjects       10,041 (10,001 workloads, 40 external)
/// groups         2,345 (812 with two or more members)
/// allowed pairs  4,412,345 of 100,812,640 (4.4%)
/// isolated       9,123 ingress, 3,456 egress
///
/// largest groups:
///   g17  ns-0001/api, ns-0002/api +118 more (120 subjects: Deployment, ingress-isolated)
/// </code>
/// </summary>
internal sealed class OverviewMatrixWriter : IMatrixWriter
{
    /// <summary>How many of the largest groups are listed.</summary>
    public const int ListedGroups = 10;

    public void Write(MatrixReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        report.Validate();
        var cells = report.Cells();
        var summary = MatrixSummary.Of(report, cells);
        var external = report.Shown.Count(i => report.Matrix.Subjects[i].IsExternal);
        var c = CultureInfo.InvariantCulture;
        var lines = new List<(string Label, string Value)>
        {
            ("subjects", string.Create(c, $"{summary.Subjects:N0} ({summary.Subjects - external:N0} workloads, {external:N0} external)")),
        };
        if (cells.Grouped)
        {
            var merged = Enumerable.Range(0, cells.Count).Count(g => cells.MembersOf(g).Length > 1);
            lines.Add(("groups", string.Create(c, $"{cells.Count:N0} ({merged:N0} with two or more members)")));
        }

        var share = summary.Pairs == 0 ? "" : string.Create(c, $" ({100.0 * summary.AllowedPairs / summary.Pairs:F1}%)");
        lines.Add((report.Port is { } port ? $"pairs allowing {port}" : "allowed pairs", string.Create(c, $"{summary.AllowedPairs:N0} of {summary.Pairs:N0}{share}")));
        lines.Add(("isolated", string.Create(c, $"{summary.IngressIsolated:N0} ingress, {summary.EgressIsolated:N0} egress")));
        var labelWidth = lines.Max(l => l.Label.Length) + 2;
        foreach (var (label, value) in lines)
            output.WriteLine(TerminalText.Clean(label.PadRight(labelWidth) + value));
        if (cells.Grouped)
            WriteLargestGroups(report, cells, output);
    }

    private static void WriteLargestGroups(MatrixReport report, IMatrixCells cells, TextWriter output)
    {
        var largest = Enumerable.Range(0, cells.Count)
            .Where(g => cells.MembersOf(g).Length > 1)
            .OrderByDescending(g => cells.MembersOf(g).Length)
            .ThenBy(g => g)
            .Take(ListedGroups)
            .ToList();
        output.WriteLine();
        if (largest.Count == 0)
        {
            output.WriteLine("largest groups: none, no two subjects are alike");
            return;
        }

        output.WriteLine("largest groups:");
        var idWidth = largest.Max(g => TerminalText.Clean(cells.IdOf(g)).Length);
        foreach (var group in largest)
        {
            var id = TerminalText.Clean(cells.IdOf(group)).PadRight(idWidth);
            var description = Legend.DescribeGroup(report.Matrix, cells.MembersOf(group));
            var budget = report.Layout.Width - 2 - id.Length - 2 - description.Length - 3;
            output.WriteLine(TerminalText.Clean($"  {id}  {Legend.Members(report.Matrix, cells.MembersOf(group), budget)} ({description})"));
        }
    }
}
