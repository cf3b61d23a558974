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
        var groups = report.Groups;
        var n = groups?.Count ?? report.Shown.Length;
        if (report.Port is { } port)
        {
            output.WriteLine($"Reachability on port **{Escape(port.ToString())}**");
            output.WriteLine();
        }

        if (n > 0)
        {
            for (var i = 0; i < n; i++)
            {
                output.WriteLine(groups is null
                    ? $"{i + 1}. {Escape(report.SubjectAt(i).Id)} ({Escape(Legend.Describe(report.Matrix, report.Shown[i]))})"
                    : $"{i + 1}. {Escape(Legend.Members(report.Matrix, groups.Members[i], int.MaxValue, MaxListedMembers))} " +
                      $"({Escape(Legend.DescribeGroup(report.Matrix, groups.Members[i]))})");
            }

            output.WriteLine();

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
                var id = groups is null ? report.SubjectAt(row).Id : report.Matrix.Subjects[groups.Members[row][0]].Id;
                line.Clear().Append("| **").Append(row + 1).Append("** ").Append(Escape(id));
                if (groups is not null && groups.Members[row].Length > 1)
                    line.Append(" +").Append(groups.Members[row].Length - 1);
                line.Append(" |");
                for (var column = 0; column < n; column++)
                    line.Append(' ').Append(CellText(report, row, column)).Append(" |");
                output.WriteLine(line.ToString());
            }

            output.WriteLine();
            output.WriteLine(groups is null
                ? "Rows are sources, columns destinations; the diagonal shows traffic between replicas of a workload."
                : "Rows are sources, columns destinations, both groups of equivalent subjects; the diagonal shows traffic between different pods of a group.");
            output.WriteLine();
        }

        output.WriteLine(MatrixSummary.Of(report).ToString());
    }

    private static string CellText(MatrixReport report, int row, int column)
    {
        var grouped = report.Groups is not null;
        if (report.Port is not null)
            return (grouped ? report.GroupTablePortCell(row, column) : report.TablePortCell(row, column)) ? Yes : No;
        var set = grouped ? report.GroupTableCell(row, column) : report.TableCell(row, column);
        return set.IsEmpty ? Nothing : Escape(set.ToString());
    }
}
