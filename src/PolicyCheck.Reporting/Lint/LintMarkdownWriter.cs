using PolicyCheck.Core.Diagnostics;
using static PolicyCheck.Reporting.Formats.MarkdownText;

namespace PolicyCheck.Reporting.Lint;

/// <summary>For pull-request comments and job summaries: a heading, the summary and one table row per finding.</summary>
public static class LintMarkdownWriter
{
    public static void Write(LintReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("## PolicyCheck lint");
        output.WriteLine();
        output.WriteLine(report.Summary());
        if (!report.Shown.Any())
            return;
        output.WriteLine();
        output.WriteLine("| Severity | Rule | Location | Message |");
        output.WriteLine("|---|---|---|---|");
        foreach (var diagnostic in report.Shown)
        {
            var where = diagnostic.Span.IsNone ? string.Empty : $"`{Code(diagnostic.Span.ToString())}`";
            output.WriteLine(
                $"| {Icon(diagnostic.Severity)} {diagnostic.Severity.ToString().ToLowerInvariant()} " +
                $"| [{diagnostic.Id}]({diagnostic.Descriptor.HelpUri}) {diagnostic.Descriptor.Name} " +
                $"| {where} | {Escape(diagnostic.Message)}{Suppressed(diagnostic)} |");
        }
    }

    private static string Suppressed(Diagnostic diagnostic) =>
        diagnostic.Suppression is { } suppression ? $" _(suppressed: {Escape(suppression.Justification)})_" : string.Empty;

    private static string Icon(Severity severity) => severity switch
    {
        Severity.Error => "🔴",
        Severity.Warning => "🟠",
        _ => "🔵",
    };
}
