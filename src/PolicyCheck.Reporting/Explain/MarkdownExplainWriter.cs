using static PolicyCheck.Reporting.Formats.MarkdownText;

namespace PolicyCheck.Reporting.Explain;

/// <summary>
/// GitHub-flavoured Markdown: each flow a <c>###</c> heading with its verdict, its sides and evidence as nested
/// lists, locations in code spans.
/// </summary>
internal sealed class MarkdownExplainWriter : IExplainWriter
{
    public void Write(ExplainReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        if (report.Assumed is { } assumed)
            output.WriteLine($"**Assumed:** {Escape(assumed)}  ");
        foreach (var line in ExplainMatches.Lines(report))
            output.WriteLine($"{Escape(line)}  ");
        if (!report.Services.IsDefaultOrEmpty)
            WriteLines(output, ServiceOutline.Lines(report.Services, report.Flows.FirstOrDefault()?.FromAddress, report.ToSubjects));
        foreach (var flow in report.Flows)
            WriteLines(output, ExplainOutline.Lines(flow, report.Wording));
    }

    private static void WriteLines(TextWriter output, IEnumerable<OutlineLine> lines)
    {
        foreach (var line in lines)
        {
            if (line.Depth == 0)
            {
                output.WriteLine();
                output.WriteLine($"### {Escape(line.Text)}");
                output.WriteLine();
                continue;
            }

            var location = line.Span.IsNone ? string.Empty : $"`{Code(line.Span.ToString())}` ";
            output.WriteLine($"{new string(' ', (line.Depth - 1) * 2)}- {location}{Escape(line.Text)}");
        }
    }
}
