using System.Text.Json;
using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests;

/// <summary>
/// <c>lint --format sarif</c> on every bundled example: Microsoft's SARIF multitool (SARIF and GitHub rules on)
/// accepts the log, and GitHub would annotate the right line of the right file.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class LintSarifTests
{
    public static IEnumerable<string> Examples() =>
        Directory.GetDirectories(Path.Combine(Snapshot.RepositoryRoot(), "examples")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    [Category(TestCategories.External)]
    [TestCaseSource(nameof(Examples))]
    public async Task LintSarif_Example_ValidatesClean(string example)
    {
        var result = await CliRunner.RunAsync("lint", CliRunner.Example(example), "--format", "sarif", "--fail-on", "none");

        Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
        SarifValidator.AssertValid(result.Output);
    }

    [Test]
    [Description("k8s docs, 'Behavior of to and from selectors': two list items are OR'ed; PolicyCheck reports it on the second item.")]
    public async Task LintSarif_SplitPeers_PointsAtTheRuleLine()
    {
        var result = await CliRunner.RunAsync("lint", CliRunner.Example("split-peers"), "--format", "sarif");

        using var json = JsonDocument.Parse(result.Output);
        var run = json.RootElement.GetProperty("runs")[0];
        var split = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "PC1003");
        var location = split.GetProperty("locations")[0].GetProperty("physicalLocation");
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Findings), "PC1003 is a warning and --fail-on defaults to warning");
            Assert.That(location.GetProperty("artifactLocation").GetProperty("uri").GetString(), Is.EqualTo("examples/split-peers/network-policies.yaml"));
            Assert.That(location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString(), Is.EqualTo("%SRCROOT%"));
            Assert.That(location.GetProperty("region").GetProperty("startLine").GetInt32(), Is.EqualTo(44));
            Assert.That(location.GetProperty("region").GetProperty("startColumn").GetInt32(), Is.EqualTo(11));
            Assert.That(rules[split.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString(), Is.EqualTo("PC1003"));
            Assert.That(
                rules.EnumerateArray().Single(r => r.GetProperty("id").GetString() == "PC2001").GetProperty("properties").GetProperty("security-severity").GetString(),
                Is.EqualTo("5.0"));
        }
    }

    [Test]
    public async Task Rules_SarifFormat_IsAUsageError()
    {
        var result = await CliRunner.RunAsync("rules", "--format", "sarif");

        Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError));
    }
}
