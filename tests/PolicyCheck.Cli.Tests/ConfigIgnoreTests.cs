using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests;

/// <summary>
/// The <c>ignore:</c> globs of .policycheck.yaml on every command that loads manifests: each test builds a small
/// repository with a current pod in k8s/ and an old one in legacy/ that the configuration ignores, and checks that
/// the old pod is absent with the configuration and present with --no-config (so each test can fail).
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class ConfigIgnoreTests
{
    private const string Config = "ignore: [\"legacy/**\"]\n";

    private static string Pod(string name) => $$"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {{name}}
          namespace: shop
          labels: {app: "{{name}}"}
        spec:
          containers: [{name: c, image: nginx, ports: [{containerPort: 8080}]}]
        """;

    private static string Repository(bool gitInit = false)
    {
        var root = TempFolder.Scratch();
        Directory.CreateDirectory(Path.Combine(root, "k8s"));
        Directory.CreateDirectory(Path.Combine(root, "legacy", "old"));
        File.WriteAllText(Path.Combine(root, "k8s", "web.yaml"), Pod("web"));
        File.WriteAllText(Path.Combine(root, "legacy", "old", "pod.yaml"), Pod("legacy-pod"));
        File.WriteAllText(Path.Combine(root, "legacy", "old", "service.yaml"), """
            apiVersion: v1
            kind: Service
            metadata: {name: legacy-pod, namespace: shop}
            spec:
              selector: {app: legacy-pod}
              ports: [{port: 80, targetPort: 8080}]
            """);
        File.WriteAllText(Path.Combine(root, ".policycheck.yaml"), Config);
        if (gitInit)
            Git(root, "init", "-q", "-b", "main");
        else
            Directory.CreateDirectory(Path.Combine(root, ".git"));
        return root;
    }

    [TestCase("matrix", "--format", "csv")]
    [TestCase("list", "--format", "json")]
    [TestCase("services", "--format", "json")]
    [TestCase("lint", "--format", "json", "--fail-on", "none", "--profile", "audit")] // audit reports per workload, so the ignored pod would be named
    public async Task Command_IgnoreGlob_SkipsTheFolder(params string[] command)
    {
        var root = Repository();

        var configured = await CliRunner.RunAsync([command[0], root, .. command[1..]]);
        var unconfigured = await CliRunner.RunAsync([command[0], root, .. command[1..], "--no-config"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(configured.ExitCode, Is.Zero, configured.Error);
            Assert.That(configured.Output, Does.Contain("web"));
            Assert.That(configured.Output, Does.Not.Contain("legacy-pod"));
            Assert.That(configured.Error, Does.Not.Contain("note:"), "a searched folder drops ignored files silently");
            Assert.That(unconfigured.Output, Does.Contain("legacy-pod"), unconfigured.Error);
        }
    }

    [Test]
    public async Task Explain_IgnoredWorkload_IsUnknown()
    {
        var root = Repository();

        var configured = await CliRunner.RunAsync("explain", root, "--from", "shop/legacy-pod", "--to", "shop/web");
        var unconfigured = await CliRunner.RunAsync("explain", root, "--from", "shop/legacy-pod", "--to", "shop/web", "--no-config");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(configured.ExitCode, Is.Not.Zero);
            Assert.That(configured.Error, Does.Contain("shop/legacy-pod"));
            Assert.That(unconfigured.ExitCode, Is.Zero, unconfigured.Error);
        }
    }

    [Test]
    public async Task Diff_IgnoreGlob_AppliesToBothSides()
    {
        var root = Repository();
        // The head side is the repository root: k8s/web.yaml plus legacy/old/pod.yaml, which the configuration ignores.
        var configured = await CliRunner.RunAsync("diff", Path.Combine(root, "k8s"), root, "--format", "json");
        var unconfigured = await CliRunner.RunAsync("diff", Path.Combine(root, "k8s"), root, "--format", "json", "--no-config");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(configured.ExitCode, Is.Zero, configured.Error);
            Assert.That(configured.Output, Does.Not.Contain("shop/legacy-pod"));
            Assert.That(unconfigured.Output, Does.Contain("shop/legacy-pod"), unconfigured.Error);
        }
    }

    [Category(TestCategories.External)]
    [Test]
    public async Task DiffGit_IgnoreGlob_AppliesToTheCommittedFilesByTheirPathInTheRepository()
    {
        var root = Repository(gitInit: true);
        Git(root, "add", "-A");
        Git(root, "commit", "-q", "-m", "first");
        File.WriteAllText(Path.Combine(root, "k8s", "api.yaml"), Pod("api"));
        File.WriteAllText(Path.Combine(root, "legacy", "old", "other.yaml"), Pod("legacy-pod-yy"));
        Git(root, "add", "-A");
        Git(root, "commit", "-q", "-m", "second");

        var configured = await CliRunner.RunAsync("diff", "--git", "HEAD~1", "--head-git", "HEAD", root, "--format", "json");
        var unconfigured = await CliRunner.RunAsync("diff", "--git", "HEAD~1", "--head-git", "HEAD", root, "--format", "json", "--no-config");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(configured.ExitCode, Is.Zero, configured.Error);
            Assert.That(configured.Output, Does.Contain("shop/api"));
            Assert.That(configured.Output, Does.Not.Contain("shop/legacy-pod"));
            Assert.That(unconfigured.Output, Does.Contain("shop/legacy-pod-yy"), unconfigured.Error);
        }
    }

    [Test]
    [Description("ESLint ignores a file it ignores even when the file is named, and warns; a pre-commit hook names every changed file.")]
    public async Task Matrix_IgnoredFileNamedExplicitly_IsIgnoredWithANote()
    {
        var root = Repository();
        var named = Path.Combine(root, "legacy", "old", "pod.yaml");

        var result = await CliRunner.RunAsync("matrix", Path.Combine(root, "k8s", "web.yaml"), named, "--format", "csv");
        var quiet = await CliRunner.RunAsync("matrix", Path.Combine(root, "k8s", "web.yaml"), named, "--format", "csv", "--quiet");
        var unconfigured = await CliRunner.RunAsync("matrix", Path.Combine(root, "k8s", "web.yaml"), named, "--format", "csv", "--no-config");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Zero, result.Error);
            Assert.That(result.Output, Does.Not.Contain("shop/legacy-pod"));
            Assert.That(result.Error, Does.Contain($"note: '{named}' is ignored by 'legacy/**' in ").And.Contain("run with --no-config to load it."));
            Assert.That(quiet.Error, Is.Empty);
            Assert.That(unconfigured.Output, Does.Contain("shop/legacy-pod"));
        }
    }

    [Test]
    public async Task Matrix_EveryInputIgnored_NotesTheFolder()
    {
        var root = Repository();
        var legacy = Path.Combine(root, "legacy");

        var result = await CliRunner.RunAsync("matrix", legacy, "--format", "csv");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Output, Does.Not.Contain("shop/legacy-pod"));
            Assert.That(result.Error, Does.Contain($"note: every manifest in '{legacy}' is ignored by 'legacy/**'"));
        }
    }

    private static string Git(string folder, params string[] args) => TestGit.Run(folder, args);
}
