using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests;

/// <summary>
/// Issue #13: <c>-A, --all-namespaces</c> as in kubectl (kubectl get: "-A, --all-namespaces: If present, list the
/// requested object(s) across all namespaces"), wherever <c>-n</c> filters, and never together with <c>-n</c>.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class AllNamespacesTests
{
    /// <summary>Pods shop/a and data/b, no policy.</summary>
    private const string TwoNamespaces = """
        apiVersion: v1
        kind: Pod
        metadata: {name: a, namespace: shop, labels: {app: a}}
        spec: {containers: [{name: c, image: nginx}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: b, namespace: data, labels: {app: b}}
        spec: {containers: [{name: c, image: nginx}]}
        """;

    private static string Webshop => CliRunner.Example("webshop");

    [TestCase("-A")]
    [TestCase("--all-namespaces")]
    public async Task Matrix_AllNamespaces_SameAsNoNamespace(string option)
    {
        var all = await CliRunner.RunWithInputAsync(TwoNamespaces, "matrix", "-", "--no-config", "-o", "csv", option);
        var plain = await CliRunner.RunWithInputAsync(TwoNamespaces, "matrix", "-", "--no-config", "-o", "csv");
        var shop = await CliRunner.RunWithInputAsync(TwoNamespaces, "matrix", "-", "--no-config", "-o", "csv", "-n", "shop");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(all.ExitCode, Is.EqualTo((int)ExitCode.Ok), all.Error);
            Assert.That(all.Output, Does.Contain("shop/a").And.Contain("data/b"));
            Assert.That(all.Output, Is.EqualTo(plain.Output));
            Assert.That(shop.Output, Does.Not.Contain("data/b"), "-n filters, so -A has something to undo");
        }
    }

    [TestCase("matrix")]
    [TestCase("list")]
    [TestCase("services")]
    public async Task NamespaceAndAllNamespaces_IsUsageError(string command)
    {
        var result = await CliRunner.RunAsync(command, Webshop, "--no-config", "-A", "-n", "shop");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError), result.Error);
            Assert.That(result.Error, Does.Contain("--namespace and --all-namespaces exclude each other"));
            Assert.That(result.Output, Is.Empty);
        }
    }

    [Test]
    public async Task Diff_NamespaceAndAllNamespaces_IsUsageError()
    {
        var result = await CliRunner.RunAsync("diff", Webshop, Webshop, "--no-config", "--all-namespaces", "--namespace", "shop");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError), result.Error);
            Assert.That(result.Error, Does.Contain("exclude each other"));
        }
    }

    [TestCase("audit", "-A", "matrix", "-n", "shop")]
    [TestCase("audit", "-n", "shop", "matrix", "-A")]
    [TestCase("audit", "-n", "shop", "-A", "list")]
    public async Task Audit_NamespaceAndAllNamespacesOnAnyLevel_IsUsageErrorBeforeConnecting(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError), result.Error);
            Assert.That(result.Error, Does.Contain("--namespace and --all-namespaces exclude each other"));
            Assert.That(result.Error, Does.Not.Contain("cannot connect"));
        }
    }

    [Test]
    [Description("The command line wins over .policycheck.yaml: -A drops a configured namespace default instead of clashing with it.")]
    public async Task ConfigNamespaceDefault_AllNamespacesOnCommandLine_ShowsEveryNamespace()
    {
        var root = TempFolder.Scratch();
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        Directory.CreateDirectory(Path.Combine(root, "k8s"));
        File.WriteAllText(Path.Combine(root, "k8s", "pods.yaml"), TwoNamespaces);
        File.WriteAllText(Path.Combine(root, ".policycheck.yaml"), "defaults:\n  matrix: {namespace: shop}\n");

        var configured = await CliRunner.RunAsync("matrix", Path.Combine(root, "k8s"), "-o", "csv");
        var all = await CliRunner.RunAsync("matrix", Path.Combine(root, "k8s"), "-o", "csv", "-A");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(configured.Output, Does.Contain("shop/a").And.Not.Contain("data/b"), configured.Error);
            Assert.That(all.ExitCode, Is.EqualTo((int)ExitCode.Ok), all.Error);
            Assert.That(all.Output, Does.Contain("shop/a").And.Contain("data/b"));
        }
    }

    [TestCase("explain")]
    [TestCase("lint")]
    [Description("There -n only names the namespace of objects without one; it filters nothing, so -A has no meaning.")]
    public void CommandsWhereNamespaceIsNoFilter_HaveNoAllNamespaces(string command) =>
        Assert.That(
            CliApp.CreateRoot().Subcommands.Single(c => c.Name == command).Options.Select(o => o.Name),
            Does.Contain("--namespace").And.Not.Contain("--all-namespaces"));
}
