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
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "text";
            switch (text.ToLowerInvariant())
            {
                case "text": return LintFormat.Text;
                case "json": return LintFormat.Json;
                case "md" or "markdown": return LintFormat.Markdown;
                case "sarif" when sarif: return LintFormat.Sarif;
                default:
                    result.AddError($"'{text}' is not a format here; use {(sarif ? "text, json, md or sarif" : "text, json or md")}.");
                    return LintFormat.Text;
            }
        },
    };
}
