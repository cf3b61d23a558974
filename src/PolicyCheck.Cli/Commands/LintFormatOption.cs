using System.CommandLine;
using PolicyCheck.Reporting.Lint;

namespace PolicyCheck.Cli.Commands;

/// <summary>The <c>--format</c> option of <c>lint</c> (text, json, md, sarif) and <c>rules</c> (text, json, md).</summary>
internal static class LintFormatOption
{
    public static Option<LintFormat> Create(bool sarif = false) => new("--format", "-f")
    {
        Description = sarif
            ? "Output format: text (default), json, md, sarif (SARIF 2.1.0 for GitHub code scanning)."
            : "Output format: text (default), json, md.",
        HelpName = sarif ? "text|json|md|sarif" : "text|json|md",
        CustomParser = sarif
            ? CommonOptions.Choice("text", "a format here; use text, json, md or sarif", ("text", LintFormat.Text), ("json", LintFormat.Json), ("md", LintFormat.Markdown), ("markdown", LintFormat.Markdown), ("sarif", LintFormat.Sarif))
            : CommonOptions.Choice("text", "a format here; use text, json or md", ("text", LintFormat.Text), ("json", LintFormat.Json), ("md", LintFormat.Markdown), ("markdown", LintFormat.Markdown)),
    };
}
