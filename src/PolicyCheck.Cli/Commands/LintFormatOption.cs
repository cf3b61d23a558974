using System.CommandLine;
using PolicyCheck.Reporting.Lint;

namespace PolicyCheck.Cli.Commands;

/// <summary>The <c>--format text|json|md</c> option of <c>lint</c> and <c>rules</c>.</summary>
internal static class LintFormatOption
{
    public static Option<LintFormat> Create() => new("--format", "-f")
    {
        Description = "Output format: text (default), json, md.",
        HelpName = "text|json|md",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "text";
            switch (text.ToLowerInvariant())
            {
                case "text": return LintFormat.Text;
                case "json": return LintFormat.Json;
                case "md" or "markdown": return LintFormat.Markdown;
                default:
                    result.AddError($"'{text}' is not a lint format; use text, json or md.");
                    return LintFormat.Text;
            }
        },
    };
}
