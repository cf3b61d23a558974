using System.Text;

namespace PolicyCheck.Reporting.Matrix;

/// <summary>
/// A Graphviz digraph: one node per shown subject in order (a box labelled with id and kind; externals a dashed
/// ellipse), then one edge per allowed pair of different subjects, row by row. An edge that allows everything is
/// bold and unlabelled; any other is labelled with its port set. With a port query the graph is titled with the
/// port and every edge means "allowed". Self loops are left out: a pod may always send to itself. A report with
/// groups is rejected: the graph has one node per subject.
/// </summary>
internal sealed class DotMatrixWriter : IMatrixWriter
{
    public void Write(MatrixReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        report.Validate();
        report.RejectGroups("DOT");
        var cells = report.Cells();
        var n = cells.Count;

        output.WriteLine("digraph reachability {");
        if (report.Port is { } port)
            output.WriteLine($"  graph [label={Quote("port " + port)}, labelloc=t];");
        output.WriteLine("  node [shape=box];");
        for (var position = 0; position < n; position++)
        {
            var subject = cells.First(position);
            var label = Quote(subject.Id + "\n" + subject.Kind);
            output.WriteLine(subject.IsExternal
                ? $"  {Quote(subject.Id)} [label={label}, shape=ellipse, style=dashed];"
                : $"  {Quote(subject.Id)} [label={label}];");
        }

        for (var row = 0; row < n; row++)
        {
            for (var column = 0; column < n; column++)
            {
                if (row == column)
                    continue;
                var edge = $"  {Quote(cells.IdOf(row))} -> {Quote(cells.IdOf(column))}";
                if (report.Port is not null)
                {
                    if (cells.IsPortAllowed(row, column))
                        output.WriteLine(edge + ";");
                    continue;
                }

                var allowed = cells.Allowed(row, column);
                if (allowed.IsEmpty)
                    continue;
                output.WriteLine(allowed.IsAll
                    ? edge + " [style=bold];"
                    : $"{edge} [label={Quote(allowed.ToString())}];");
            }
        }

        output.WriteLine("}");
    }

    /// <summary>A DOT quoted string: quotes and backslashes escaped, a line break as Graphviz's <c>\n</c> (centred line).</summary>
    private static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                '\n' => quoted.Append("\\n"),
                '\r' => quoted,
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }
}
