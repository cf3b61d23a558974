using PolicyCheck.TestKit;

namespace PolicyCheck.Integrations.Tests;

/// <summary>
/// The <c>policycheck</c> hook of <c>.pre-commit-hooks.yaml</c>, run for real: <c>pre-commit try-repo</c> builds and
/// installs the tool from this repository (its HEAD, plus uncommitted changes as a temporary commit) with pre-commit's
/// dotnet language, then lints a temporary repository. Needs <c>pre-commit</c> on PATH (Debian package
/// <c>pre-commit</c>; <c>.ci/run</c> installs it). Both tests share one pre-commit home, so the tool is built once
/// when this repository is clean.
/// </summary>
[Category(TestCategories.Integration)]
[Parallelizable(ParallelScope.Fixtures)]
public sealed class PreCommitHookTests
{
    private static readonly TimeSpan HookTimeout = TimeSpan.FromMinutes(15);

    private static readonly string Workloads = ManifestText.Documents(
        ManifestText.Deployment("web", "nginx", 80),
        ManifestText.Deployment("client", "curl"));

    private TempFolder? _folder;
    private string _home = string.Empty;

    [OneTimeSetUp]
    public async Task RequirePreCommit()
    {
        _folder = new TempFolder();
        _home = _folder.Root;
        ExternalCommand.Result? version = null;
        try
        {
            version = await ExternalCommand.RunAsync("pre-commit", ["--version"], _home, TimeSpan.FromMinutes(1));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // not on PATH: reported below
        }

        if (version is not { ExitCode: 0 })
            Assert.Fail("pre-commit is not installed: run 'apt-get install -y pre-commit' (Debian, Ubuntu) or 'pipx install pre-commit'.");
    }

    [OneTimeTearDown]
    public void DeleteHome() => _folder?.Dispose();

    [Test]
    [Description("k8s docs: a podSelector selects pods of the policy's namespace by label; 'app: wbe' matches no pod.")]
    public async Task Hook_PolicySelectingNothing_FailsWithFindingAtItsLine()
    {
        var policy = ManifestText.AllowIngress("allow-client-to-web", target: "wbe", port: 80, "client");
        var line = ManifestText.LineOf(PoliciesFile(policy), "app: wbe");
        using var repository = await RepositoryWithAsync(policy);

        var result = await TryRepoAsync(repository);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Match($@"policies\.yaml:{line}:\d+: warning PC1001: .*allow-client-to-web"), result.ToString());
    }

    [Test]
    public async Task Hook_PolicyMatchingItsPods_Passes()
    {
        var policy = ManifestText.AllowIngress("allow-client-to-web", target: "web", port: 80, "client");
        using var repository = await RepositoryWithAsync(policy);

        var result = await TryRepoAsync(repository);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Match(@"policycheck lint\.+Passed"), result.ToString());
    }

    /// <summary>A repository with the workloads in one file and the policies in another: the hook needs both.</summary>
    private static async Task<TemporaryGitRepository> RepositoryWithAsync(string policy)
    {
        var repository = await TemporaryGitRepository.CreateAsync();
        repository.Write("workloads.yaml", Workloads);
        repository.Write("policies.yaml", PoliciesFile(policy) + "\n");
        await repository.CommitAllAsync("manifests");
        return repository;
    }

    private Task<ExternalCommand.Result> TryRepoAsync(TemporaryGitRepository repository) =>
        ExternalCommand.RunAsync(
            "pre-commit",
            ["try-repo", Snapshot.RepositoryRoot(), "policycheck", "--all-files", "--color", "never"],
            repository.Path,
            HookTimeout,
            new Dictionary<string, string?> { ["PRE_COMMIT_HOME"] = _home });

    /// <summary>The policies file: the default deny first, then <paramref name="policy"/>.</summary>
    private static string PoliciesFile(string policy) => ManifestText.Documents(ManifestText.DefaultDenyIngress, policy);
}
