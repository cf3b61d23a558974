using PolicyCheck.Core.Diff;
using PolicyCheck.Reporting.Formats;
using PolicyCheck.Reporting.Lint;

namespace PolicyCheck.Reporting.Diff;

/// <summary>
/// For a terminal: the headline, then one section per kind of change, one line each, marked <c>+</c> (added,
/// introduced), <c>-</c> (removed, fixed) or <c>~</c> (changed); green, red and yellow with colour.
/// </summary>
public static class DiffTextWriter
{
    private const string Green = "\e[32m";
    private const string Red = "\e[31m";
    private const string Yellow = "\e[33m";
    private const string Bold = "\e[1m";
    private const string Reset = "\e[0m";

    public static void Write(DiffReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        // Every line is built from our words and untrusted ids and messages; it is cleaned before any colour is added.
        var paint = (string colour, string text) => report.Color ? colour + TerminalText.Clean(text) + Reset : TerminalText.Clean(text);
        output.WriteLine(paint(Bold, $"policycheck diff {report.Base} -> {report.Head}: {report.Headline()}"));
        var c = report.Connections;
        Section(output, "Subjects added", c.SubjectsAdded.Select(id => paint(Green, "+ " + id)));
        Section(output, "Subjects removed", c.SubjectsRemoved.Select(id => paint(Red, "- " + id)));
        Section(output, "Connections added", c.Added.Select(x => paint(Green, $"+ {DiffReport.Pair(x)}: {x.After}")));
        Section(output, "Connections removed", c.Removed.Select(x => paint(Red, $"- {DiffReport.Pair(x)}: {x.Before}")));
        Section(output, "Connections changed", c.Changed.Select(x => paint(Yellow, $"~ {DiffReport.Pair(x)}: {Changed(x)}")));
        Section(output, "Findings introduced", report.Findings.Introduced.Select(d => paint(Red, "+ " + LintTextWriter.Line(d))));
        Section(output, "Findings fixed", report.Findings.Fixed.Select(d => paint(Green, "- " + LintTextWriter.Line(d))));
    }

    /// <summary><c>TCP 80 => TCP 80,443 (gained TCP 443)</c>, naming what was gained and what was lost.</summary>
    public static string Changed(ConnectionChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var notes = new List<string>();
        if (!change.Gained.IsEmpty)
            notes.Add($"gained {change.Gained}");
        if (!change.Lost.IsEmpty)
            notes.Add($"lost {change.Lost}");
        return $"{change.Before} => {change.After} ({string.Join("; ", notes)})";
    }

    private static void Section(TextWriter output, string title, IEnumerable<string> lines)
    {
        var first = true;
        foreach (var line in lines)
        {
            if (first)
            {
                output.WriteLine();
                output.WriteLine($"{title}:");
                first = false;
            }

            output.WriteLine("  " + line);
        }
    }
}
