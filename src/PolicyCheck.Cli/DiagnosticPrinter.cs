using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Reporting.Formats;

namespace PolicyCheck.Cli;

/// <summary>Writes diagnostics compiler-style to stderr (<c>path:line:col: error PC0001: message</c>).</summary>
internal static class DiagnosticPrinter
{
    public static void Print(IEnumerable<Diagnostic> diagnostics, Terminal terminal, bool quiet)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (quiet && diagnostic.Severity != Severity.Error)
                continue;
            var text = TerminalText.Clean(diagnostic.ToString()); // paths and messages quote the input
            if (terminal.ErrorColor)
            {
                var colour = diagnostic.Severity switch
                {
                    Severity.Error => "\u001b[31m",
                    Severity.Warning => "\u001b[33m",
                    _ => "\u001b[36m",
                };
                text = $"{colour}{text}\u001b[0m";
            }

            terminal.Error.WriteLine(text);
        }
    }
}
