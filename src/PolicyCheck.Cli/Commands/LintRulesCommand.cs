using System.CommandLine;
using PolicyCheck.Lint;
using PolicyCheck.Reporting.Lint;

namespace PolicyCheck.Cli.Commands;

/// <summary><c>policycheck rules</c>: the lint rule catalogue; <c>-o md</c> is <c>docs/rules/README.md</c>.</summary>
internal static class LintRulesCommand
{
    public static Command Create()
    {
        var format = LintFormatOption.Create();
        var output = CommonOptions.OutputFile();
        var command = new Command(
            "rules",
            "List the lint rules: ID, default severity, category, name and title. '-o md' writes the table " +
            "that docs/rules/README.md holds.")
        {
            format.Output, format.Legacy, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var rules = RuleCatalog.All.Select(r => r.Descriptor).ToList();
            var written = await OutputFile.WriteAsync(
                parse.GetValue(output), Terminal.From(parse), writer => RulesWriter.Write(rules, format.Value(parse), writer, "policycheck rules --format md"), ct);
            return (int)(written ? ExitCode.Ok : ExitCode.UsageError);
        });
        return command;
    }

    public static string[] Examples { get; } =
    [
        "policycheck rules",
        "policycheck rules -o md --output-file docs/rules/README.md",
    ];
}
