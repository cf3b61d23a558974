using System.Text;
using static PolicyCheck.Reporting.Formats.MarkdownText;

namespace PolicyCheck.Reporting.Matrix;

/// <summary>
/// GitHub-flavoured Markdown for a pull-request comment: a numbered legend of the shown subjects, then a table
/// whose rows are sources and whose columns, headed by the legend numbers, are destinations. A cell holds the full
/// port set (<c>all</c>, <c>TCP 80,8080-8090; UDP 53</c>, <c>·</c> for nothing) or, with a port query, <c>✓</c> or
/// <c>✗</c>; the diagonal shows what one replica of a workload may send another, as in the terminal table. Text
/// from the input is escaped so ids and ports cannot break the table or turn into markup. It ends with the summary line.
/// Grouped (<see cref="MatrixReport.Groups"/>), rows and columns are groups as in the terminal table: the legend
/// lists up to <see cref="MaxListedMembers"/> members per group and then <c>+N more</c>, and the diagonal shows what
/// one pod of a group may send another.
/// </summary>
internal sealed class MarkdownMatrixWriter : IMatrixWriter
{
    private const string Nothing = "·";
    private const string Yes = "✓";
    private const string No = "✗";

    /// <summary>A pull-request comment has no width to fit, so a group's legend entry names at most this many members.</summary>
    public const int MaxListedMembers = 10;

    public void Write(MatrixReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        report.Validate();
        var cells = report.Cells();
        var n = cells.Count;
        if (report.Port is { } port)
        {
            output.WriteLine($"Reachability on port **{Escape(port.ToString())}**");
            output.WriteLine();
        }

        if (n > 0)
        {
            WriteLegend(cells, output);
            WriteTable(report, cells, output);
            output.WriteLine();
            output.WriteLine(cells.Grouped
                ? "Rows are sources, columns destinations, both groups of equivalent subjects; the diagonal shows traffic between different pods of a group."
                : "Rows are sources, columns destinations; the diagonal shows traffic between replicas of a workload.");
            output.WriteLine();
        }

        output.WriteLine(MatrixSummary.Of(report, cells).ToString());
    }

    /// <summary><c>1. shop/web (Deployment, 3 replicas)</c>; for a group its members, then what they are.</summary>
    private static void WriteLegend(IMatrixCells cells, TextWriter output)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            var members = cells.MembersOf(i);
            output.WriteLine(
                $"{i + 1}. {Escape(Legend.Members(cells.Matrix, members, int.MaxValue, MaxListedMembers))} " +
                $"({Escape(Legend.DescribeGroup(cells.Matrix, members))})");
        }

        output.WriteLine();
    }

    private static void WriteTable(MatrixReport report, IMatrixCells cells, TextWriter output)
    {
        var n = cells.Count;
        var line = new StringBuilder();
        line.Append("| from \\\\ to |");
        for (var column = 0; column < n; column++)
            line.Append(' ').Append(column + 1).Append(" |");
        output.WriteLine(line.ToString());
        line.Clear().Append("| --- |");
        for (var column = 0; column < n; column++)
            line.Append(" :-: |");
        output.WriteLine(line.ToString());

        for (var row = 0; row < n; row++)
        {
            line.Clear().Append("| **").Append(row + 1).Append("** ").Append(Escape(cells.First(row).Id));
            if (cells.MembersOf(row).Length > 1)
                line.Append(" +").Append(cells.MembersOf(row).Length - 1);
            line.Append(" |");
            for (var column = 0; column < n; column++)
                line.Append(' ').Append(CellText(report, cells, row, column)).Append(" |");
            output.WriteLine(line.ToString());
        }
    }

    private static string CellText(MatrixReport report, IMatrixCells cells, int row, int column)
    {
        if (report.Port is not null)
            return cells.TablePortCell(row, column) ? Yes : No;
        var set = cells.TableCell(row, column);
        return set.IsEmpty ? Nothing : Escape(set.ToString());
    }
}
