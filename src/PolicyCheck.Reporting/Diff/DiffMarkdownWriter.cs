using System.Globalization;
using PolicyCheck.Core.Diff;
using PolicyCheck.Reporting.Formats;
using static PolicyCheck.Reporting.Formats.MarkdownText;

namespace PolicyCheck.Reporting.Diff;

/// <summary>
/// For a pull-request comment or a job summary: a heading, the headline in bold, the added and removed subjects on
/// one line each, then a table of connection changes and one of findings, each cut at <see cref="MaxRows"/> rows
/// with a note saying how many more there are.
/// </summary>
public static class DiffMarkdownWriter
{
    /// <summary>Rows per table; a PR comment with thousands of rows helps nobody (and GitHub caps comment size).</summary>
    public const int MaxRows = 50;

    /// <summary>Subject ids listed per line before the rest is counted.</summary>
    public const int MaxSubjects = 20;

    public static void Write(DiffReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var c = report.Connections;
        output.WriteLine("## PolicyCheck diff");
        output.WriteLine();
        output.WriteLine($"**{report.Headline()}** (`{Code(report.Base)}` → `{Code(report.Head)}`)");
        if (report.IsEmpty)
            return;

        if (!c.SubjectsAdded.IsEmpty || !c.SubjectsRemoved.IsEmpty)
        {
            output.WriteLine();
            if (!c.SubjectsAdded.IsEmpty)
                output.WriteLine($"Subjects added: {Ids(c.SubjectsAdded)}  ");
            if (!c.SubjectsRemoved.IsEmpty)
                output.WriteLine($"Subjects removed: {Ids(c.SubjectsRemoved)}  ");
        }

        var rows = c.Added.Select(x => ("➕ added", x, x.After!.ToString()))
            .Concat(c.Removed.Select(x => ("➖ removed", x, x.Before!.ToString())))
            .Concat(c.Changed.Select(x => ("🔁 changed", x, Changed(x))))
            .ToList();
        if (rows.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("| Change | From | To | Ports |");
            output.WriteLine("|---|---|---|---|");
            foreach (var (what, change, ports) in rows.Take(MaxRows))
            {
                var to = change.IsBetweenReplicas ? "its other replicas" : $"`{Code(change.To)}`";
                output.WriteLine($"| {what} | `{Code(change.From)}` | {to} | {MarkdownText.Escape(ports)} |");
            }

            More(output, rows.Count, "connection changes", report.CompleteListHint);
        }

        var findings = report.Findings.Introduced.Select(d => ("🆕 new", d))
            .Concat(report.Findings.Fixed.Select(d => ("✅ fixed", d)))
            .ToList();
        if (findings.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("| Finding | Rule | Location | Message |");
            output.WriteLine("|---|---|---|---|");
            foreach (var (what, d) in findings.Take(MaxRows))
            {
                var where = d.Span.IsNone ? string.Empty : $"`{Code(d.Span.ToString())}`";
                output.WriteLine($"| {what} {d.Severity.ToString().ToLowerInvariant()} | [{d.Id}]({d.Descriptor.HelpUri}) {d.Descriptor.Name} | {where} | {MarkdownText.Escape(d.Message)} |");
            }

            More(output, findings.Count, "findings", report.CompleteListHint);
        }
    }

    /// <summary><c>+TCP 443; −TCP 80</c>: what was gained and what was lost.</summary>
    private static string Changed(ConnectionChange change)
    {
        var parts = new List<string>();
        if (!change.Gained.IsEmpty)
            parts.Add($"+{change.Gained}");
        if (!change.Lost.IsEmpty)
            parts.Add($"{DiffReport.Minus}{change.Lost}");
        return string.Join("; ", parts);
    }

    private static void More(TextWriter output, int count, string what, string? hint)
    {
        if (count <= MaxRows)
            return;
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"… and {count - MaxRows} more {what}, not shown.{(hint is null ? "" : " " + hint)}"));
    }

    private static string Ids(System.Collections.Immutable.ImmutableArray<string> ids)
    {
        var shown = string.Join(", ", ids.Take(MaxSubjects).Select(id => $"`{Code(id)}`"));
        return ids.Length > MaxSubjects
            ? string.Create(CultureInfo.InvariantCulture, $"{shown} and {ids.Length - MaxSubjects} more")
            : shown;
    }
}
