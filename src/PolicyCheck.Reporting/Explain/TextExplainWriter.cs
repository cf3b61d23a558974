using PolicyCheck.Reporting.Formats;

namespace PolicyCheck.Reporting.Explain;

/// <summary>
/// Indented text, two spaces per level, each line that comes from the manifests led by its compiler-style location
/// (<c>path:line:col:</c>). With <see cref="ExplainReport.Color"/>, allowed lines are green and denied ones red.
/// </summary>
internal sealed class TextExplainWriter : IExplainWriter
{
    private const string Green = "\u001b[32m";
    private const string Red = "\u001b[31m";
    private const string Reset = "\u001b[0m";

    public void Write(ExplainReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        if (report.Assumed is { } assumed)
            output.WriteLine(TerminalText.Clean($"Assumed: {assumed}"));
        if (NetworkPluginText.Line(report.Plugin) is { } plugin)
            output.WriteLine(plugin);
        foreach (var line in ExplainMatches.Lines(report))
            output.WriteLine(TerminalText.Clean(line));
        var services = !report.Services.IsDefaultOrEmpty;
        if (services)
            WriteLines(report, output, ServiceOutline.Lines(report.Services, report.Flows.FirstOrDefault()?.FromAddress, report.ToSubjects));
        for (var i = 0; i < report.Flows.Length; i++)
        {
            if (i > 0 || services || report.FromSubjects.Length != 1 || report.ToSubjects.Length != 1)
                output.WriteLine();
            WriteLines(report, output, ExplainOutline.Lines(report.Flows[i], report.Wording));
        }
    }

    private static void WriteLines(ExplainReport report, TextWriter output, IEnumerable<OutlineLine> lines)
    {
        foreach (var line in lines)
        {
            var location = line.Span.IsNone ? string.Empty : $"{line.Span}: ";
            var text = TerminalText.Clean($"{new string(' ', line.Depth * 2)}{location}{line.Text}");
            if (report.Color && line.Tone != OutlineTone.Neutral)
                text = $"{(line.Tone == OutlineTone.Allowed ? Green : Red)}{text}{Reset}";
            output.WriteLine(text);
        }
    }
}
