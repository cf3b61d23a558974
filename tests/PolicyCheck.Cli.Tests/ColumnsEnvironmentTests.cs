using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests;

/// <summary>
/// Issue #13: <c>COLUMNS</c> sets the width of piped table output. Runs the built CLI as a child process with its
/// standard output on a pipe, since only then is it no terminal and the environment really read.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
[Category(TestCategories.External)]
public sealed class ColumnsEnvironmentTests
{
    [Test]
    [CancelAfter(60_000)]
    [Description(
        "webshop has 8 subjects whose columns are up to 14 wide: beside labels cut to a third of the width they need " +
        "well over 60 columns, and fit in 200.")]
    public async Task Matrix_Piped_PagesToColumns()
    {
        var narrow = await RunAsync("60", "matrix", CliRunner.Example("webshop"), "--no-config");
        var wide = await RunAsync("200", "matrix", CliRunner.Example("webshop"), "--no-config");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(narrow.Output, Does.Contain("\ncolumns 1-"), narrow.Error);
            Assert.That(narrow.Output.Split('\n').Where(l => l.StartsWith(@"from \ to", StringComparison.Ordinal) && l.Split("  ", StringSplitOptions.RemoveEmptyEntries).Length > 2),
                Has.All.Length.LessThanOrEqualTo(60));
            Assert.That(wide.Output, Does.Not.Contain("columns "), wide.Error);
        }
    }

    private static Task<CliRunner.Result> RunAsync(string columns, params string[] args) =>
        CliRunner.RunProcessAsync(args, new Dictionary<string, string> { ["COLUMNS"] = columns });
}
