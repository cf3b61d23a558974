using PolicyCheck.TestKit;

namespace PolicyCheck.Integrations.Tests;

/// <summary>
/// The <c>policycheck</c> hook of <c>.pre-commit-hooks.yaml</c>, run for real: <c>pre-commit try-repo</c> builds and
/// installs the tool from this repository (its HEAD, plus uncommitted changes as a temporary commit) with pre-commit's
/// dotnet language, then lints a temporary repository. Needs <c>pre-commit</c> on PATH (Debian package
/// <c>pre-commit</c>; <c>.ci/run</c> installs it). Both tests share one pre-commit home, so the tool is built once
/// when this repository is clean.
/// </summary>
[Category("Integration")]
[Parallelizable(ParallelScope.Fixtures)]
public sealed class PreCommitHookTests
{
    private static readonly TimeSpan HookTimeout = TimeSpan.FromMinutes(15);

    private const string Workloads = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: web
                  image: nginx
                  ports: [{containerPort: 80}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: client
        spec:
          selector:
            matchLabels: {app: client}
          template:
            metadata:
              labels: {app: client}
            spec:
              containers:
                - name: client
                  image: curl
        """;

    private const string DefaultDeny = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny-ingress
        spec:
          podSelector: {}
          policyTypes: [Ingress]
        """;

    private string _home = string.Empty;

    [OneTimeSetUp]
    public async Task RequirePreCommit()
    {
        _home = Directory.CreateTempSubdirectory("policycheck-pre-commit-").FullName;
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
    public void DeleteHome()
    {
        if (Directory.Exists(_home))
            Directory.Delete(_home, recursive: true);
    }

    [Test]
    [Description("k8s docs: a podSelector selects pods of the policy's namespace by label; 'app: wbe' matches no pod.")]
    public async Task Hook_PolicySelectingNothing_FailsWithFindingAtItsLine()
    {
        const string policy = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: allow-client-to-web
            spec:
              podSelector: {matchLabels: {app: wbe}}
              ingress:
                - from:
                    - podSelector: {matchLabels: {app: client}}
                  ports:
                    - port: 80
            """;
        var line = LineOf(policy, "app: wbe");
        using var repository = await RepositoryWithAsync(policy);

        var result = await TryRepoAsync(repository);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Match($@"policies\.yaml:{line}:\d+: warning PC1001: .*allow-client-to-web"), result.ToString());
    }

    [Test]
    public async Task Hook_PolicyMatchingItsPods_Passes()
    {
        const string policy = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: allow-client-to-web
            spec:
              podSelector: {matchLabels: {app: web}}
              ingress:
                - from:
                    - podSelector: {matchLabels: {app: client}}
                  ports:
                    - port: 80
            """;
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
        repository.Write("policies.yaml", DefaultDeny + "\n---\n" + policy + "\n");
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

    /// <summary>The 1-based line of <paramref name="marker"/> in the policies file (the default deny comes first).</summary>
    private static int LineOf(string policy, string marker)
    {
        var text = DefaultDeny + "\n---\n" + policy;
        var index = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.That(index, Is.GreaterThanOrEqualTo(0));
        return text[..index].Count(c => c == '\n') + 1;
    }
}
