using System.Text.Json;
using PolicyCheck.TestKit;

namespace PolicyCheck.Integrations.Tests;

/// <summary>
/// The GitHub Action's steps as scripts, outside GitHub: <c>.github/action/install.sh</c> installs the tool from this
/// source, and <c>.github/action/run.sh</c> runs on a pull request whose head commit adds a policy that opens a
/// connection and has a peer that selects nothing. GitHub's files (<c>GITHUB_STEP_SUMMARY</c>, <c>GITHUB_OUTPUT</c>,
/// <c>GITHUB_PATH</c>) are temporary files here.
/// </summary>
[Category(TestCategories.Integration)]
[Parallelizable(ParallelScope.Fixtures)]
public sealed class GitHubActionTests
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(10);

    private static readonly string Workloads = ManifestText.Documents(
        ManifestText.Deployment("web", "nginx", 80),
        ManifestText.Deployment("api", "api", 8080),
        ManifestText.Deployment("db", "postgres", 5432));

    private static readonly string BasePolicies = ManifestText.Documents(
        ManifestText.DefaultDenyIngress,
        ManifestText.AllowIngress("allow-web-to-api", target: "api", port: 8080, "web"));

    // Opens api -> db on TCP 5432 (k8s docs: ingress is allowed from pods the 'from' peers select, on the listed
    // ports), and its second peer selects no pod (nothing is labelled app=backup): finding PC1002, a warning.
    private static readonly string AddedPolicy = ManifestText.AllowIngress("allow-api-to-db", target: "db", port: 5432, "api", "backup");

    /// <summary>One line of the summary naming the connection the head commit opens, and its port.</summary>
    private const string AddedConnection = @"(?m)^.*default/api.*default/db.*TCP 5432.*$";

    private TempFolder? _folder;
    private string _work = string.Empty;
    private string _toolFolder = string.Empty;
    private string _githubPath = string.Empty;
    private TemporaryGitRepository? _repository;

    [OneTimeSetUp]
    public async Task InstallToolAndCreatePullRequest()
    {
        // The shared package build comes first, so two Release builds of the Cli never run at once.
        await PackagedTool.GetAsync();
        _folder = new TempFolder();
        _work = _folder.Root;
        _githubPath = Path.Combine(_work, "github-path");
        File.WriteAllText(_githubPath, string.Empty);
        var install = await ExternalCommand.RunCheckedAsync(
            "bash",
            [Path.Combine(Snapshot.RepositoryRoot(), ".github", "action", "install.sh"), Snapshot.RepositoryRoot(), Path.Combine(_work, "install")],
            _work,
            ScriptTimeout,
            new Dictionary<string, string?> { ["GITHUB_PATH"] = _githubPath });
        _toolFolder = install.Output.Trim();

        _repository = await TemporaryGitRepository.CreateAsync();
        _repository.Write("k8s/workloads.yaml", Workloads);
        _repository.Write("k8s/policies.yaml", BasePolicies);
        await _repository.CommitAllAsync("base");
        await _repository.GitAsync("checkout", "--quiet", "-b", "feature");
        _repository.Write("k8s/db-policy.yaml", AddedPolicy);
        await _repository.CommitAllAsync("allow api to reach db");
    }

    [OneTimeTearDown]
    public void Delete()
    {
        _repository?.Dispose();
        _folder?.Dispose();
    }

    [Test]
    public void Install_ToolFolder_IsAddedToGithubPath()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(File.ReadAllLines(_githubPath), Is.EqualTo(new[] { _toolFolder }));
            Assert.That(File.Exists(Path.Combine(_toolFolder, "policycheck")), Is.True, $"no policycheck in {_toolFolder}");
        }
    }

    [Test]
    public async Task Run_PullRequestAddingPolicy_WritesValidSarifSummaryAndOutputs()
    {
        var sarifPath = Path.Combine(_work, "reports", "policycheck.sarif");

        var run = await RunAsync(new() { ["INPUT_SARIF_FILE"] = sarifPath, ["INPUT_FAIL_ON"] = "warning" });

        var sarif = File.ReadAllText(sarifPath);
        SarifValidator.AssertValid(sarif);
        var results = Results(sarif);
        var peerLine = ManifestText.LineOf(AddedPolicy, "app: backup");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(results, Does.Contain(("PC1002", "k8s/db-policy.yaml", peerLine)));
            Assert.That(run.Outputs["findings-count"], Is.EqualTo(results.Count.ToString()));
            Assert.That(run.Outputs["sarif-file"], Is.EqualTo(sarifPath));
            Assert.That(run.Outputs["exit-code"], Is.EqualTo("1"), "a warning at fail-on warning");
            Assert.That(run.Summary, Does.Contain("PC1002").And.Contain($"k8s/db-policy.yaml:{peerLine}:"));
            Assert.That(run.Summary, Does.Match(AddedConnection), "the reachability change: api -> db on TCP 5432");
            Assert.That(run.Summary, Does.Not.Contain("failed with exit code"));
        }
    }

    [Test]
    [Description("actions/checkout fetches one commit by default: the base branch is not in the clone.")]
    public async Task Run_ShallowCloneWithoutBaseBranch_FetchesBaseAndDiffs()
    {
        var clone = Path.Combine(_work, "shallow-" + Guid.NewGuid().ToString("N"));
        await ExternalCommand.RunCheckedAsync(
            "git", ["clone", "--quiet", "--depth=1", "--branch", "feature", new Uri(_repository!.Path).AbsoluteUri, clone], _work, ScriptTimeout); // set in OneTimeSetUp

        var run = await RunAsync(new() { ["GITHUB_WORKSPACE"] = clone });

        Assert.That(run.Summary, Does.Match(AddedConnection));
    }

    [Test]
    public async Task Run_FailOnError_ExitCodeOutputIsZero()
    {
        var run = await RunAsync(new() { ["INPUT_FAIL_ON"] = "error", ["INPUT_DIFF"] = "false" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Outputs["exit-code"], Is.EqualTo("0"), "PC1002 is a warning, below error");
            Assert.That(int.Parse(run.Outputs["findings-count"]), Is.GreaterThan(0));
            Assert.That(run.Summary, Does.Contain("PC1002"));
            Assert.That(run.Summary, Does.Not.Contain("5432"), "diff: false leaves the reachability change out");
        }
    }

    [Test]
    public async Task Run_NoBaseRef_SummarySaysTheDiffIsSkipped()
    {
        var run = await RunAsync(new() { ["GITHUB_BASE_REF"] = null });

        Assert.That(run.Summary, Does.Contain("No base to compare with"));
    }

    private sealed record ScriptRun(Dictionary<string, string> Outputs, string Summary);

    /// <summary>Runs run.sh as action.yml does, on the pull request's head, against base branch main.</summary>
    private async Task<ScriptRun> RunAsync(Dictionary<string, string?> inputs)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_work, "run-" + Guid.NewGuid().ToString("N"))).FullName;
        var summary = Path.Combine(folder, "summary.md");
        var output = Path.Combine(folder, "output");
        File.WriteAllText(summary, string.Empty);
        File.WriteAllText(output, string.Empty);
        var environment = new Dictionary<string, string?>
        {
            ["GITHUB_WORKSPACE"] = _repository!.Path, // set in OneTimeSetUp
            ["GITHUB_STEP_SUMMARY"] = summary,
            ["GITHUB_OUTPUT"] = output,
            ["GITHUB_BASE_REF"] = "main",
            ["RUNNER_TEMP"] = folder,
            ["PATH"] = _toolFolder + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["POLICYCHECK"] = null,
            ["INPUT_PATHS"] = "k8s",
            ["INPUT_PROFILE"] = null,
            ["INPUT_BASELINE"] = null,
            ["INPUT_BASE_REF"] = null,
            ["INPUT_SARIF_FILE"] = null,
            ["INPUT_FAIL_ON"] = null,
            ["INPUT_DIFF"] = null,
        };
        foreach (var (name, value) in inputs)
            environment[name] = value;

        var result = await ExternalCommand.RunAsync(
            "bash", [Path.Combine(Snapshot.RepositoryRoot(), ".github", "action", "run.sh")], _work, ScriptTimeout, environment);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var outputs = File.ReadAllLines(output)
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        Assert.That(outputs.Keys, Is.EquivalentTo(new[] { "findings-count", "sarif-file", "exit-code" }), result.ToString());
        return new ScriptRun(outputs, File.ReadAllText(summary));
    }

    /// <summary>Each SARIF result as (rule id, artifact URI, start line).</summary>
    private static List<(string? RuleId, string? Uri, int Line)> Results(string sarif)
    {
        using var document = JsonDocument.Parse(sarif);
        return [.. document.RootElement.GetProperty("runs").EnumerateArray()
            .SelectMany(run => run.GetProperty("results").EnumerateArray())
            .Select(result =>
            {
                var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
                return (result.GetProperty("ruleId").GetString(),
                        location.GetProperty("artifactLocation").GetProperty("uri").GetString(),
                        location.GetProperty("region").GetProperty("startLine").GetInt32());
            })];
    }
}
