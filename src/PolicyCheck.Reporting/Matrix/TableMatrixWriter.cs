using System.Globalization;
using System.Text;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Reporting.Formats;

namespace PolicyCheck.Reporting.Matrix;

/// <summary>
/// A matrix for a terminal. A legend numbers the subjects (<c>[1] shop/web (Deployment, 3 replicas,
/// ingress-isolated)</c>); columns are destinations headed by those numbers, rows are sources labelled
/// <c>[1] shop/web</c> (cut to a third of the width, ending in an ellipsis, when long: the legend has the full id).
/// <para>
/// Cells: <c>all</c>; nothing as <c>-</c>; a partial set compactly as <c>T80,443 U53</c> (T/U/S for
/// TCP/UDP/SCTP, <c>T*</c> for every TCP port). A compact text longer than <see cref="MaxCellWidth"/> characters
/// becomes a footnote marker <c>[a]</c> (<c>[b]</c>, …, <c>[aa]</c>; one marker per distinct set), and the full set is
/// listed under the table. With a port query a cell is <c>yes</c> or <c>-</c>. On the diagonal, a workload with
/// several pods shows what one replica may send another; a single pod shows <c>all</c> (itself).
/// </para>
/// <para>
/// Paging: when the columns do not fit <see cref="RenderOptions.Width"/>, they are split into pages of as many
/// columns as fit beside the row labels (at least one; a lone last column is rebalanced, see
/// <see cref="ColumnPages"/>). Each page starts with <c>columns 1-12 of 40</c>, repeats the column header and every
/// row label, and pages are separated by a blank line. Footnotes follow the last page.
/// </para>
/// <para>
/// Without <see cref="RenderOptions.Color"/> the writer adds only ASCII (subject ids are printed as they are), so
/// the text survives pipes, logs and diffs. With it, cells are coloured with ANSI codes (green everything,
/// yellow partial, dim nothing) and drawn with <c>·</c> for nothing, <c>✓</c>/<c>✗</c> for a port query, <c>…</c> and
/// <c>–</c>. The last line sums up: subjects, allowed pairs of different subjects, isolated subjects.
/// </para>
/// <para>
/// Grouped (<see cref="MatrixReport.Groups"/>): rows and columns are groups, numbered as the JSON ids are (<c>[1]</c>
/// is <c>g1</c>). The legend lists each group's members, as many as fit the width and then <c>+N more</c>, with
/// their kinds and isolation (<c>[1] shop/a, shop/b +3 more (5 subjects: Deployment, ingress-isolated)</c>); a row
/// is labelled with the first member and how many others there are (<c>[1] shop/a +4</c>). The diagonal shows what
/// one pod of the group may send another, different pod of it (a member or a replica); a group of one bare pod
/// shows <c>all</c>. The summary adds the number of groups and still counts pairs of subjects.
/// </para>
/// </summary>
internal sealed class TableMatrixWriter : IMatrixWriter
{
    /// <summary>Longer compact cells become footnotes.</summary>
    public const int MaxCellWidth = 12;

    private const int Gap = 2;
    private const string Corner = @"from \ to";
    private const string Green = "\e[32m";
    private const string Yellow = "\e[33m";
    private const string Dim = "\e[2m";
    private const string Reset = "\e[0m";

    private static readonly Glyphs Plain = new(Nothing: "-", Yes: "yes", No: "-", Ellipsis: "...", Dash: "-");
    private static readonly Glyphs Fancy = new(Nothing: "·", Yes: "✓", No: "✗", Ellipsis: "…", Dash: "–");

    public void Write(MatrixReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        report.Validate();
        var layout = report.Layout;
        var glyphs = layout.Color ? Fancy : Plain;
        var cells = report.Cells();
        var summary = MatrixSummary.Of(report, cells).ToString();
        if (cells.Count == 0)
        {
            output.WriteLine(summary);
            return;
        }

        var numberWidth = Marker(cells.Count).Length;
        WriteLegend(cells, numberWidth, layout.Width, output);
        var grid = Grid.Of(report, cells, glyphs);
        var labels = RowLabels(cells, numberWidth, layout.Width, glyphs);
        var labelWidth = Math.Max(Corner.Length, labels.Max(l => l.Length));
        var widths = ColumnWidths(grid);
        var pages = ColumnPages.Split(widths, labelWidth, layout.Width, Gap);
        for (var p = 0; p < pages.Count; p++)
        {
            if (p > 0)
                output.WriteLine();
            WritePage(grid, labels, labelWidth, widths, pages[p], pages.Count, layout.Color, glyphs, output);
        }

        output.WriteLine();
        WriteFootnotes(grid, output);
        var diagonal = cells.Grouped ? "between different pods of a group" : "between replicas of a workload";
        output.WriteLine(report.Port is { } port
            ? $"key: {glyphs.Yes} = {port} allowed, {glyphs.No} = not allowed; diagonal: {diagonal}"
            : $"key: T/U/S = TCP/UDP/SCTP, T* = every TCP port, {glyphs.Nothing} = nothing; diagonal: {diagonal}");
        if (NetworkPluginText.Line(report.Matrix.Options) is { } plugin)
            output.WriteLine(plugin);
        output.WriteLine(summary);
    }

    /// <summary>
    /// <c>[1] shop/web (Deployment, 3 replicas)</c> per position, then a blank line; a group lists as many members as
    /// fit the width.
    /// </summary>
    private static void WriteLegend(IMatrixCells cells, int numberWidth, int width, TextWriter output)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            var marker = Marker(i + 1).PadRight(numberWidth);
            var members = cells.MembersOf(i);
            var description = Legend.DescribeGroup(cells.Matrix, members);
            var budget = width - marker.Length - description.Length - 4; // the space and " (…)"
            output.WriteLine(TerminalText.Clean($"{marker} {Legend.Members(cells.Matrix, members, budget)} ({description})"));
        }

        output.WriteLine();
    }

    /// <summary><c>[1] shop/web</c>, or for a group <c>[1] shop/a +4</c>, cut to a third of the width (at least 20).</summary>
    private static string[] RowLabels(IMatrixCells cells, int numberWidth, int width, Glyphs glyphs)
    {
        var labels = new string[cells.Count];
        var maxLabelWidth = Math.Max(20, width / 3);
        for (var row = 0; row < cells.Count; row++)
        {
            var marker = Marker(row + 1).PadRight(numberWidth);
            labels[row] = Label(marker, TerminalText.Clean(cells.First(row).Id), Others(cells.MembersOf(row).Length - 1), maxLabelWidth, glyphs.Ellipsis);
        }

        return labels;
    }

    /// <summary>Per column, the widest of its header number and its cells.</summary>
    private static int[] ColumnWidths(Grid grid)
    {
        var n = grid.Cells.GetLength(1);
        var widths = new int[n];
        for (var column = 0; column < n; column++)
        {
            widths[column] = (column + 1).ToString(CultureInfo.InvariantCulture).Length;
            for (var row = 0; row < grid.Cells.GetLength(0); row++)
                widths[column] = Math.Max(widths[column], grid.Cells[row, column].Text.Length);
        }

        return widths;
    }

    /// <summary>One page of columns: its range when there are several pages, the header, and every row.</summary>
    private static void WritePage(
        Grid grid, string[] labels, int labelWidth, int[] widths, (int First, int End) page, int pageCount, bool color, Glyphs glyphs, TextWriter output)
    {
        var (first, end) = page;
        var n = widths.Length;
        if (pageCount > 1)
        {
            output.WriteLine(end - first == 1
                ? $"column {first + 1} of {n}"
                : $"columns {first + 1}{glyphs.Dash}{end} of {n}");
        }

        var line = new StringBuilder();
        line.Append(Corner.PadRight(labelWidth));
        for (var column = first; column < end; column++)
        {
            var header = (column + 1).ToString(CultureInfo.InvariantCulture);
            line.Append(' ', Gap).Append(header);
            if (column < end - 1)
                line.Append(' ', widths[column] - header.Length);
        }

        output.WriteLine(line.ToString());
        for (var row = 0; row < labels.Length; row++)
        {
            line.Clear().Append(labels[row].PadRight(labelWidth));
            for (var column = first; column < end; column++)
            {
                var cell = grid.Cells[row, column];
                line.Append(' ', Gap);
                if (color)
                    line.Append(ColorOf(cell.Tone)).Append(cell.Text).Append(Reset);
                else
                    line.Append(cell.Text);
                if (column < end - 1)
                    line.Append(' ', widths[column] - cell.Text.Length);
            }

            output.WriteLine(line.ToString());
        }
    }

    /// <summary><c>[a] TCP 80,443,8080-8090; UDP 53</c> per footnote, in marker order.</summary>
    private static void WriteFootnotes(Grid grid, TextWriter output)
    {
        foreach (var set in grid.FootnoteOrder)
            output.WriteLine($"{grid.Footnotes[set]} {set}");
    }

    /// <summary><c>[1] shop/web</c> plus <paramref name="suffix"/>; a long id is cut to fit, ending in an ellipsis.</summary>
    private static string Label(string marker, string id, string suffix, int maxWidth, string ellipsis)
    {
        var label = $"{marker} {id}{suffix}";
        if (label.Length <= maxWidth)
            return label;
        var keep = Math.Max(0, maxWidth - marker.Length - 1 - suffix.Length - ellipsis.Length);
        return $"{marker} {id[..Math.Min(keep, id.Length)]}{ellipsis}{suffix}";
    }

    /// <summary><c> +4</c>: how many more members a group row stands for; nothing for a group of one.</summary>
    private static string Others(int count) =>
        count == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" +{count:N0}");

    /// <summary><c>T80,443 U53</c>: per protocol its initial and ranges, <c>*</c> for the whole protocol.</summary>
    private static string Compact(PortSet set)
    {
        var text = new StringBuilder();
        foreach (var protocol in ProtocolNames.All)
        {
            var ranges = set.Ranges(protocol);
            if (ranges.IsEmpty)
                continue;
            if (text.Length > 0)
                text.Append(' ');
            text.Append(protocol.ToApiString()[0]);
            if (ranges is [var only] && only == PortRange.Full)
                text.Append('*');
            else
                text.AppendJoin(',', ranges);
        }

        return text.ToString();
    }

    /// <summary>a, b, …, z, aa, ab, …: bijective base 26.</summary>
    private static string FootnoteLetters(int index)
    {
        var letters = new StringBuilder();
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
            letters.Insert(0, (char)('a' + ((i - 1) % 26)));
        return letters.ToString();
    }

    private static string Marker(int number) => string.Create(CultureInfo.InvariantCulture, $"[{number}]");

    private static string ColorOf(Tone tone) => tone switch
    {
        Tone.All => Green,
        Tone.Partial => Yellow,
        _ => Dim,
    };

    private enum Tone
    {
        None,
        Partial,
        All,
    }

    private readonly record struct Cell(string Text, Tone Tone);

    /// <summary>Every cell's text and tone, and the footnotes that the long port sets became.</summary>
    private sealed class Grid
    {
        private readonly Dictionary<PortSet, Cell> _partials = []; // matrices share few distinct sets among many cells

        private Grid(int n) => Cells = new Cell[n, n];

        public Cell[,] Cells { get; }

        public Dictionary<PortSet, string> Footnotes { get; } = [];

        public List<PortSet> FootnoteOrder { get; } = [];

        public static Grid Of(MatrixReport report, IMatrixCells cells, Glyphs glyphs)
        {
            var grid = new Grid(cells.Count);
            for (var row = 0; row < cells.Count; row++)
            {
                for (var column = 0; column < cells.Count; column++)
                {
                    grid.Cells[row, column] = report.Port is null
                        ? grid.ToCell(cells.TableCell(row, column), glyphs)
                        : cells.TablePortCell(row, column) ? new Cell(glyphs.Yes, Tone.All) : new Cell(glyphs.No, Tone.None);
                }
            }

            return grid;
        }

        private Cell ToCell(PortSet set, Glyphs glyphs)
        {
            if (set.IsAll)
                return new Cell("all", Tone.All);
            if (set.IsEmpty)
                return new Cell(glyphs.Nothing, Tone.None);
            if (_partials.TryGetValue(set, out var known))
                return known;
            var compact = Compact(set);
            if (compact.Length > MaxCellWidth)
            {
                // Markers follow first appearance, row by row, because cells are visited in that order.
                compact = "[" + FootnoteLetters(FootnoteOrder.Count) + "]";
                Footnotes[set] = compact;
                FootnoteOrder.Add(set);
            }

            var cell = new Cell(compact, Tone.Partial);
            _partials[set] = cell;
            return cell;
        }
    }

    private sealed record Glyphs(string Nothing, string Yes, string No, string Ellipsis, string Dash);
}
