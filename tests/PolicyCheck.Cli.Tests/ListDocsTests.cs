using System.Text.RegularExpressions;
using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests;

/// <summary>
/// docs/list-output.md shows real runs: every <c>```text</c> block that starts with <c>$ policycheck …</c> must be
/// exactly what that command writes, so the page cannot drift from the tool.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed partial class ListDocsTests
{
    public static IEnumerable<TestCaseData> Runs()
    {
        var page = File.ReadAllText(Path.Combine(Snapshot.RepositoryRoot(), "docs", "list-output.md")).ReplaceLineEndings("\n");
        foreach (Match block in TextBlock().Matches(page))
        {
            var lines = block.Groups[1].Value.Split('\n');
            if (!lines[0].StartsWith("$ policycheck ", StringComparison.Ordinal))
                continue;
            var args = lines[0]["$ policycheck ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            yield return new TestCaseData(args, string.Join('\n', lines[1..])).SetArgDisplayNames(lines[0]);
        }
    }

    [Test]
    public void Page_ShowsAtLeastTwoRuns() => Assert.That(Runs().Count(), Is.GreaterThanOrEqualTo(2));

    [TestCaseSource(nameof(Runs))]
    public async Task Page_Run_IsWhatTheToolWrites(string[] args, string shown)
    {
        var resolved = args.Select(a => a.StartsWith("examples/", StringComparison.Ordinal) ? CliRunner.Example(a["examples/".Length..]) : a).ToArray();

        var result = await CliRunner.RunAsync(resolved);

        Assert.That(result.ExitCode, Is.Zero, result.Error);
        Assert.That(result.Output, Is.EqualTo(shown));
    }

    [GeneratedRegex("```text\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex TextBlock();
}
