using System.Text.RegularExpressions;
using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests;

/// <summary>
/// Issue #12: the exit codes a CI relies on are listed, with their meaning, in the --help of every command that can
/// return them and in the README's table, and no code of <see cref="ExitCode"/> is left out of either.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class ExitCodeDocsTests
{
    /// <summary>Each code with words its meaning must contain, as issue #12 and the ExitCode enum define it.</summary>
    private static readonly Dictionary<ExitCode, string> Meanings = new()
    {
        [ExitCode.Ok] = "everything was read and evaluated",
        [ExitCode.Findings] = "findings at or above the failure threshold",
        [ExitCode.IncompleteInput] = "incomplete input",
        [ExitCode.UsageError] = "usage error",
        [ExitCode.ClusterUnreachable] = "cluster unreachable",
        [ExitCode.InternalError] = "internal error",
    };

    [Test]
    public void Meanings_CoverEveryExitCode() =>
        Assert.That(Meanings.Keys, Is.EquivalentTo(Enum.GetValues<ExitCode>()));

    [TestCase("--help")]
    [TestCase("matrix", "--help")]
    [TestCase("explain", "--help")]
    [TestCase("list", "--help")]
    [TestCase("services", "--help")]
    [TestCase("lint", "--help")]
    [TestCase("rules", "--help")]
    [TestCase("diff", "--help")]
    [TestCase("audit", "--help")]
    [TestCase("audit", "matrix", "--help")]
    [TestCase("audit", "compare", "--help")]
    public async Task Help_ListsEveryExitCodeWithItsMeaning(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);

        var section = result.Output[result.Output.IndexOf("Exit codes:", StringComparison.Ordinal)..];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Zero, result.Error);
            foreach (var (code, meaning) in Meanings)
                Assert.That(section, Does.Match($@"\n  {(int)code} +{Regex.Escape(meaning)}"), $"exit code {(int)code}");
        }
    }

    [Test]
    public void Readme_TableListsEveryExitCodeWithItsMeaning()
    {
        var readme = File.ReadAllText(Path.Combine(Snapshot.RepositoryRoot(), "README.md"));

        var table = readme[readme.IndexOf("### Exit codes", StringComparison.Ordinal)..];
        using (Assert.EnterMultipleScope())
        {
            foreach (var (code, meaning) in Meanings)
                Assert.That(table, Does.Match($@"\n\| {(int)code} \| {Regex.Escape(meaning)}"), $"exit code {(int)code}");
            Assert.That(table, Does.Match(@"\n\| 3 \| usage error[^\n]*the output cannot be written"), "a closed stdout or a full disk is exit 3");
        }
    }
}
