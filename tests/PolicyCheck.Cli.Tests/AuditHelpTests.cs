using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests;

/// <summary>The help of audit and its subcommands, pinned at <see cref="CliApp.HelpWidth"/>.</summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class AuditHelpTests
{
    [TestCase("audit", "--help")]
    [TestCase("audit", "matrix", "--help")]
    [TestCase("audit", "compare", "--help")]
    public async Task Help_IsStable(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);

        Assert.That(result.ExitCode, Is.Zero, result.Error);
        Snapshot.Match(result.Output, "txt");
    }
}
