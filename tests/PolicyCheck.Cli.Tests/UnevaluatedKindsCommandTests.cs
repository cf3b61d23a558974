using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests;

/// <summary>
/// Issue #14: a policy kind PolicyCheck does not evaluate makes the exit code 2 (the results are incomplete) unless
/// it is acknowledged with <c>--ignore-kind</c> or <c>ignore-kinds:</c>; acknowledged, a note still says so. Also the
/// inputs that cannot be the whole picture: no input at all, and policies without workloads.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class UnevaluatedKindsCommandTests
{
    private const string Manifests = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, labels: {app: web}}
        spec: {containers: [{name: web, ports: [{containerPort: 8080}]}]}
        ---
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: l7, namespace: shop}
        spec: {endpointSelector: {matchLabels: {app: web}}}
        """;

    private static string Write(string yaml, string? config = null)
    {
        var root = TempFolder.Scratch();
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        File.WriteAllText(Path.Combine(root, "all.yaml"), yaml);
        if (config is not null)
            File.WriteAllText(Path.Combine(root, ".policycheck.yaml"), config);
        return root;
    }

    [TestCase("matrix")]
    [TestCase("list")]
    [TestCase("services")]
    public async Task UnevaluatedPolicy_NotAcknowledged_IsAWarningAndExitCode2(string command)
    {
        var root = Write(Manifests);

        var result = await CliRunner.RunAsync(command, Path.Combine(root, "all.yaml"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Error, Does.Contain("all.yaml:6:1: warning PC0055: CiliumNetworkPolicy 'shop/l7' (cilium.io) is not evaluated"));
            Assert.That(result.Error, Does.Contain("the verdicts are incomplete for the pods they may select in namespace 'shop'"));
            Assert.That(result.Output, Is.Not.Empty, "the result is still shown");
        }
    }

    [Test]
    [Description("A diff of manifests with an unevaluated policy kind is as incomplete as a matrix of them: exit 2, and --ignore-kind acknowledges it as elsewhere.")]
    public async Task Diff_UnevaluatedPolicy_IsExitCode2UnlessAcknowledged()
    {
        var root = Write(Manifests);
        var file = Path.Combine(root, "all.yaml");

        var plain = await CliRunner.RunAsync("diff", file, file);
        var acknowledged = await CliRunner.RunAsync("diff", file, file, "--ignore-kind", "CiliumNetworkPolicy");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plain.ExitCode, Is.EqualTo(2), plain.Error);
            Assert.That(plain.Error, Does.Contain("warning PC0055: CiliumNetworkPolicy 'shop/l7' (cilium.io) is not evaluated"));
            Assert.That(acknowledged.ExitCode, Is.EqualTo(0), acknowledged.Error);
            Assert.That(acknowledged.Error, Does.Not.Contain("PC0055"));
        }
    }

    [TestCase("--ignore-kind", "CiliumNetworkPolicy")]
    [TestCase("--ignore-kind", "CiliumNetworkPolicy.cilium.io")]
    public async Task UnevaluatedPolicy_AcknowledgedOnTheCommandLine_IsANoteAndExitCode0(string option, string kind)
    {
        var root = Write(Manifests);

        var result = await CliRunner.RunAsync("matrix", Path.Combine(root, "all.yaml"), option, kind);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(0));
            Assert.That(result.Error, Does.Not.Contain("PC0055"));
            Assert.That(result.Error, Does.Contain("note: 1 CiliumNetworkPolicy.cilium.io object(s) not evaluated (acknowledged); the verdicts are incomplete for the pods they select in namespace 'shop'."));
        }
    }

    [Test]
    public async Task UnevaluatedPolicy_AcknowledgedInTheConfiguration_IsANoteAndLintPasses()
    {
        var root = Write(Manifests, "ignore-kinds: [CiliumNetworkPolicy]\n");

        var acknowledged = await CliRunner.RunAsync("lint", root, "--fail-on", "none");
        var unconfigured = await CliRunner.RunAsync("lint", root, "--fail-on", "none", "--no-config");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(acknowledged.ExitCode, Is.EqualTo(0));
            Assert.That(acknowledged.Output, Does.Not.Contain("PC0055"));
            Assert.That(acknowledged.Error, Does.Contain("(acknowledged)"));
            Assert.That(unconfigured.ExitCode, Is.EqualTo(2));
            Assert.That(unconfigured.Output, Does.Contain("warning PC0055"));
        }
    }

    [Test]
    public async Task IgnoreKind_NotAnUnevaluatedKind_IsAUsageErrorWithASuggestion()
    {
        var root = Write(Manifests);

        var result = await CliRunner.RunAsync("matrix", root, "--ignore-kind", "CiliumNetworkPolcy");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(3));
            Assert.That(result.Error, Does.Contain("'CiliumNetworkPolcy' is not a policy kind PolicyCheck leaves unevaluated").And.Contain("Did you mean 'CiliumNetworkPolicy'?"));
            Assert.That(result.Output, Is.Empty);
        }
    }

    [Test]
    public async Task IgnoreKinds_InTheConfigurationNotAnUnevaluatedKind_IsALocatedError()
    {
        var root = Write(Manifests, "ignore-kinds:\n  - NetworkPolicy.networking.k8s.io\n");

        var result = await CliRunner.RunAsync("matrix", root);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(3));
            Assert.That(result.Error, Does.Contain(".policycheck.yaml:2:5").And.Contain("'NetworkPolicy.networking.k8s.io' is not a policy kind PolicyCheck leaves unevaluated"));
        }
    }

    [Test]
    public async Task Operators_InTheConfiguration_TurnACustomResourceIntoItsWorkload()
    {
        var root = Write("""
            apiVersion: cache.example.com/v1
            kind: CacheCluster
            metadata: {name: sessions, namespace: data}
            spec: {size: 2}
            """, """
            operators:
              - group: cache.example.com
                kind: CacheCluster
                operator: cache-operator
                creates: StatefulSet
                name: '{name}-cache'
                replicas: {field: spec.size}
                labels: {app: cache, cluster: '{name}'}
                ports: [{name: redis, port: 6379}]
            """);

        var result = await CliRunner.RunAsync("matrix", root, "-o", "json");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
            Assert.That(result.Output, Does.Contain("\"id\": \"data/sessions-cache\"").And.Contain("\"kind\": \"StatefulSet\""));
        }
    }

    [Test]
    public async Task Operators_InTheConfigurationInvalid_IsALocatedError()
    {
        var root = Write("apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n", "operators:\n  - {group: cache.example.com, kind: CacheCluster, operator: o, creates: Deployment}\n");

        var result = await CliRunner.RunAsync("matrix", root);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(3));
            Assert.That(result.Error, Does.Contain(".policycheck.yaml:2:74").And.Contain("'creates: Deployment' is not valid; use StatefulSet, Pods or nothing."));
        }
    }

    [Test]
    public async Task Verbose_NamesTheWorkloadsOperatorsCreate()
    {
        var root = Write("apiVersion: monitoring.coreos.com/v1\nkind: Alertmanager\nmetadata: {name: main, namespace: monitoring}\nspec: {replicas: 3}\n");

        var result = await CliRunner.RunAsync("matrix", root, "--verbose");

        Assert.That(result.Error, Does.Contain("created by operators: monitoring/alertmanager-main (StatefulSet) from Alertmanager monitoring/main"));
    }

    [TestCase("matrix")]
    [TestCase("list")]
    [TestCase("services")]
    public async Task MissingInput_PrintsNothingOnStdoutAndExitCode2(string command)
    {
        var missing = Path.Combine(TempFolder.Scratch(), "nope.yaml");

        var result = await CliRunner.RunAsync(command, missing, "--no-config");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Output, Is.Empty);
            Assert.That(result.Error, Does.Contain("error PC0001").And.Contain("no input exists, so there is no result to show"));
        }
    }

    [Test]
    public async Task PoliciesWithoutWorkloads_SaySoOnStderr()
    {
        var root = Write("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: shop}\nspec: {podSelector: {}}\n");

        var result = await CliRunner.RunAsync("matrix", root);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(0));
            Assert.That(result.Error, Does.Contain("these policies select nothing because the inputs hold no pods or workloads; add them, or use 'policycheck audit'"));
        }
    }
}
