using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Reporting.Formats;

namespace PolicyCheck.Reporting.Lint;

/// <summary>
/// Compiler style, one finding a line: <c>path:line:col: severity PCxxxx: message [RuleName]</c>; files are
/// separated by a blank line, and a summary line ends the output. Suppressed findings are counted in the summary and
/// listed only with <see cref="LintReport.ShowSuppressed"/>, ending in <c>(suppressed: justification)</c>.
/// </summary>
public static class LintTextWriter
{
    public static void Write(LintReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        string? path = null;
        foreach (var diagnostic in report.Shown)
        {
            if (path is not null && !string.Equals(path, diagnostic.Span.Path, StringComparison.Ordinal))
                output.WriteLine();
            path = diagnostic.Span.Path;
            output.WriteLine(Line(diagnostic));
        }

        if (path is not null)
            output.WriteLine();
        output.WriteLine(report.Summary());
    }

    public static string Line(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var line = $"{diagnostic} [{diagnostic.Descriptor.Name}]";
        return TerminalText.Clean(diagnostic.Suppression is { } suppression ? $"{line} (suppressed: {suppression.Justification})" : line);
    }
}
