using PolicyCheck.Reporting.Lint;

namespace PolicyCheck.Cli.Commands;

/// <summary>The <c>-o, --output</c> format option of <c>lint</c> (text, json, md, sarif) and <c>rules</c> (text, json, md).</summary>
internal static class LintFormatOption
{
    public static FormatOption<LintFormat> Create(bool sarif = false) => sarif
        ? CommonOptions.OutputFormat(
            "Output format: text (default), json, md, sarif (SARIF 2.1.0 for GitHub code scanning).",
            "text|json|md|sarif",
            "a format here; use text, json, md or sarif",
            ("text", LintFormat.Text), ("json", LintFormat.Json), ("md", LintFormat.Markdown), ("markdown", LintFormat.Markdown), ("sarif", LintFormat.Sarif))
        : CommonOptions.OutputFormat(
            "Output format: text (default), json, md.",
            "text|json|md",
            "a format here; use text, json or md",
            ("text", LintFormat.Text), ("json", LintFormat.Json), ("md", LintFormat.Markdown), ("markdown", LintFormat.Markdown));
}
