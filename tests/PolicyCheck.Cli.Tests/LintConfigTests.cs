using System.Text.Json;
using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests;

/// <summary>
/// .policycheck.yaml, profiles, suppressions and baselines end to end: each test builds a small repository (a folder
/// with <c>.git</c>) in a temporary folder and runs the real command line on it.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class LintConfigTests
{
    /// <summary>
    /// k8s docs (Behavior of to and from selectors): the two peers are OR'ed, so PC1003 (a warning) fires on the
    /// podSelector peer, line 18; the pod is isolated for ingress only, so PC2002 (a note, in the audit and strict
    /// profiles) fires on it, line 1, and PC2010 (a note) on namespace shop's first policy, line 7, for each direction.
    /// </summary>
    private const string SplitPeers = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, labels: {app: web}}
        spec:
          containers: [{name: web, image: nginx}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: web
          namespace: shop
          annotations: {}
        spec:
          podSelector: {matchLabels: {app: web}}
          policyTypes: [Ingress]
          ingress:
            - from:
                - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}
                - podSelector: {matchLabels: {app: web}}
        """;

    private static string Repository(string manifest = SplitPeers, string? config = null)
    {
        var root = TempFolder.Scratch();
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        Directory.CreateDirectory(Path.Combine(root, "k8s", "apps"));
        File.WriteAllText(Path.Combine(root, "k8s", "apps", "web.yaml"), manifest);
        if (config is not null)
            File.WriteAllText(Path.Combine(root, ".policycheck.yaml"), config);
        return root;
    }

    private static string Apps(string root) => Path.Combine(root, "k8s", "apps");

    /// <summary>Runs <paramref name="command"/> (lint, matrix) on the repository's <c>k8s/apps</c> folder.</summary>
    private static Task<CliRunner.Result> RunOnApps(string command, string root, params string[] options) =>
        CliRunner.RunAsync([command, Apps(root), .. options]);

    /// <summary><see cref="SplitPeers"/> with the policy annotated <c>policycheck.io/ignore: "<paramref name="ignore"/>"</c>.</summary>
    private static string SplitPeersIgnoring(string ignore) =>
        SplitPeers.Replace("annotations: {}", $"annotations: {{policycheck.io/ignore: \"{ignore}\"}}", StringComparison.Ordinal);

    [Test]
    public async Task Lint_NoConfiguration_BaselineProfileDefaults()
    {
        var result = await RunOnApps("lint", Repository());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Findings), result.Error);
            Assert.That(result.Output, Does.Contain("web.yaml:19:11: warning PC1003:"));
            Assert.That(result.Output, Does.Contain("web.yaml:7:1: note PC2010:"));
            Assert.That(result.Output, Does.Not.Contain("PC2002"), "the baseline leaves per-workload isolation to PC2010");
        }
    }

    [Test]
    public async Task Lint_ConfigAtRepositoryRoot_FoundUpwardFromTheInput()
    {
        var root = Repository(config: "rules:\n  PC1003: {severity: error}\n  PC2002: {enabled: false}\n");

        var result = await RunOnApps("lint", root, "--fail-on", "error");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Findings), result.Error);
            Assert.That(result.Output, Does.Contain("web.yaml:19:11: error PC1003:"));
            Assert.That(result.Output, Does.Not.Contain("PC2002"));
        }
    }

    [Test]
    public async Task Lint_ConfigAboveTheGitRoot_NotUsed()
    {
        var outer = TempFolder.Scratch();
        File.WriteAllText(Path.Combine(outer, ".policycheck.yaml"), "rules:\n  PC1003: {enabled: false}\n");
        var inner = Path.Combine(outer, "repo");
        Directory.CreateDirectory(Path.Combine(inner, ".git"));
        File.WriteAllText(Path.Combine(inner, "web.yaml"), SplitPeers);

        var result = await CliRunner.RunAsync("lint", inner);

        Assert.That(result.Output, Does.Contain("PC1003"));
    }

    [Test]
    public async Task Lint_DefaultsFromConfig_AppliedAndCommandLineWins()
    {
        var root = Repository(config: "defaults:\n  lint: {fail-on: none, format: json}\n");

        var configured = await RunOnApps("lint", root);
        var overridden = await RunOnApps("lint", root, "--fail-on", "warning", "-f", "text");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(configured.ExitCode, Is.EqualTo((int)ExitCode.Ok), configured.Error);
            Assert.That(configured.Output, Does.StartWith("{"));
            Assert.That(overridden.ExitCode, Is.EqualTo((int)ExitCode.Findings), overridden.Error);
            Assert.That(overridden.Output, Does.Contain("warning PC1003"));
        }
    }

    [Test]
    public async Task Matrix_DefaultsFromConfig_AppliedAndCommandLineWins()
    {
        var root = Repository(config: "defaults:\n  matrix: {format: csv}\n");

        var configured = await RunOnApps("matrix", root);
        var overridden = await RunOnApps("matrix", root, "--format", "json");
        var ignored = await RunOnApps("matrix", root, "--no-config");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(configured.ExitCode, Is.EqualTo((int)ExitCode.Ok), configured.Error);
            Assert.That(configured.Output, Does.StartWith("from,"));
            Assert.That(overridden.Output, Does.StartWith("{"));
            Assert.That(ignored.Output, Does.Not.StartWith("from,").And.Not.StartWith("{"));
        }
    }

    [TestCase("rules:\n  PC1003: {severity: fatal}\n", ".policycheck.yaml:2:22: error: Severity 'fatal' is not valid")]
    [TestCase("rules:\n  PC9999: {enabled: false}\n", ".policycheck.yaml:2:3: error: Unknown rule 'PC9999'")]
    [TestCase("profle: strict\n", ".policycheck.yaml:1:1: error: Unknown key 'profle'")]
    [TestCase("defaults:\n  matrix: {colour: red}\n", ".policycheck.yaml:2:12: error: 'colour' is not an option of 'matrix'")]
    [TestCase("defaults:\n  matrix: {format: pdf}\n", ".policycheck.yaml:2:20: error: Default 'format' of 'matrix': 'pdf' is not")]
    [TestCase("defaults:\n  lnt: {format: md}\n", ".policycheck.yaml:2:3: error: 'lnt' in 'defaults' is not a command")]
    [TestCase("rules:\n  PC1007: {params: {udp-ports: [53, 99999]}}\n", ".policycheck.yaml:2:37: error: '99999' in parameter 'udp-ports' is not a port number 1-65535.")]
    [TestCase("rules:\n  PC1007: {params: {udp-port: [53]}}\n", ".policycheck.yaml:2:21: error: Rule PC1007 has no parameter 'udp-port'; use 'udp-ports'.")]
    [TestCase("profile: nope\n", ".policycheck.yaml:1:10: error: Profile 'nope' is neither a shipped profile (audit, baseline, strict) nor a file.")]
    [TestCase("rules: {a: [\n", ".policycheck.yaml:2:1: error: The YAML is not valid")]
    public async Task AnyCommand_InvalidConfig_UsageErrorAtFileLineColumn(string config, string message)
    {
        var root = Repository(config: config);

        var lint = await RunOnApps("lint", root);
        var matrix = await RunOnApps("matrix", root);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lint.ExitCode, Is.EqualTo((int)ExitCode.UsageError));
            Assert.That(matrix.ExitCode, Is.EqualTo((int)ExitCode.UsageError));
            Assert.That(lint.Output, Is.Empty);
            Assert.That(lint.Error.Replace('\\', '/'), Does.Contain(message));
            Assert.That(lint.Error, Does.Contain("--no-config"));
        }
    }

    [Test]
    public async Task Lint_ConfigOption_NamesTheFileAndMissingFileIsAUsageError()
    {
        var root = Repository();
        var config = Path.Combine(TempFolder.Scratch(), "team.yaml");
        File.WriteAllText(config, "rules:\n  PC1003: {enabled: false}\n");

        var named = await RunOnApps("lint", root, "--config", config);
        var missing = await RunOnApps("lint", root, "--config", config + ".missing");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(named.Output, Does.Not.Contain("PC1003"));
            Assert.That(missing.ExitCode, Is.EqualTo((int)ExitCode.UsageError));
            Assert.That(missing.Error, Does.Contain("given to --config does not exist"));
        }
    }

    [Test]
    public async Task Lint_ProfileStrictVersusBaseline_RaisesIsolationToError()
    {
        var root = Repository();

        var baseline = await RunOnApps("lint", root, "--profile", "baseline", "--fail-on", "error");
        var strict = await RunOnApps("lint", root, "--profile", "strict", "--fail-on", "error");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(baseline.ExitCode, Is.EqualTo((int)ExitCode.Ok), baseline.Error);
            Assert.That(baseline.Output, Does.Not.Contain("PC2002"), "the baseline leaves per-workload isolation to PC2010");
            Assert.That(baseline.Output, Does.Contain("note PC2010"));
            Assert.That(strict.ExitCode, Is.EqualTo((int)ExitCode.Findings), strict.Error);
            Assert.That(strict.Output, Does.Contain("error PC2002"));
        }
    }

    [Test]
    public async Task Lint_ProfileFromConfigAndCommandLine_CommandLineWins()
    {
        var root = Repository(config: "profile: strict\n");

        var configured = await RunOnApps("lint", root);
        var overridden = await RunOnApps("lint", root, "--profile", "baseline");

        Assert.That((configured.Output.Contains("error PC2002", StringComparison.Ordinal), !overridden.Output.Contains("PC2002", StringComparison.Ordinal)),
            Is.EqualTo((true, true)));
    }

    [Test]
    public async Task Lint_ProfileFileExtendingShipped_LayersAndReportsErrorsInTheProfile()
    {
        var root = Repository();
        var good = Path.Combine(root, "team.yaml");
        File.WriteAllText(good, "extends: strict\nrules:\n  PC2002: {severity: warning}\n");
        var bad = Path.Combine(root, "bad.yaml");
        File.WriteAllText(bad, "extends: team.yaml\nrules:\n  PC2002: {severity: loud}\n");
        var loop = Path.Combine(root, "loop.yaml");
        File.WriteAllText(loop, "extends: loop.yaml\nrules: {}\n");

        var layered = await RunOnApps("lint", root, "--profile", good);
        var invalid = await RunOnApps("lint", root, "--profile", bad);
        var cycle = await RunOnApps("lint", root, "--profile", loop);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(layered.Output, Does.Contain("warning PC2002"));
            Assert.That(invalid.ExitCode, Is.EqualTo((int)ExitCode.UsageError));
            Assert.That(invalid.Error.Replace('\\', '/'), Does.Contain("bad.yaml:3:22: error: Severity 'loud' is not valid"));
            Assert.That(cycle.ExitCode, Is.EqualTo((int)ExitCode.UsageError));
            Assert.That(cycle.Error, Does.Contain("extends itself"));
        }
    }

    [Test]
    public async Task Lint_IgnoreGlob_InputNotLinted()
    {
        var root = Repository(config: "ignore: [k8s/apps/]\n");
        File.WriteAllText(Path.Combine(root, "k8s", "other.yaml"), SplitPeers.Replace("name: web, namespace: shop", "name: api, namespace: shop", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("lint", Path.Combine(root, "k8s"), "--fail-on", "none");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Output, Does.Contain("other.yaml"));
            Assert.That(result.Output, Does.Not.Contain("apps/web.yaml"));
            Assert.That(result.Output, Does.Contain("(1 file,"));
        }
    }

    [Test]
    public async Task Lint_IgnoreAnnotation_HiddenCountedShownOnRequestAndNeverFails()
    {
        var manifest = SplitPeersIgnoring("PC1003, PC0000: either peer is fine");
        var root = Repository(manifest);

        var hidden = await RunOnApps("lint", root, "--fail-on", "warning");
        var shown = await RunOnApps("lint", root, "--show-suppressed", "--fail-on", "note");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hidden.Output, Does.Not.Contain("PC1003"));
            Assert.That(hidden.Output, Does.Contain("web.yaml:12:40: warning PC9001: The policycheck.io/ignore annotation names 'PC0000'"));
            Assert.That(hidden.Output, Does.Contain("; 1 suppressed)."));
            Assert.That(hidden.ExitCode, Is.EqualTo((int)ExitCode.Findings), "PC9001 is a warning");
            Assert.That(shown.Output, Does.Contain("warning PC1003:").And.Contain("[PeerSelectorsSplit] (suppressed: either peer is fine)"));
        }
    }

    [Test]
    public async Task Lint_SuppressedOnly_ExitsOk()
    {
        var manifest = SplitPeersIgnoring("PC1003");

        var result = await RunOnApps("lint", Repository(manifest), "--fail-on", "warning");

        Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Output);
    }

    [Test]
    public async Task Lint_Baseline_RoundTripFailsOnlyOnNewFindings()
    {
        var root = Repository();
        var baseline = Path.Combine(root, "baseline.json");

        // The audit profile reports web per workload (PC2002), which the default profile leaves to PC2010.
        var written = await RunOnApps("lint", root, "--write-baseline", baseline, "--profile", "audit");
        var same = await RunOnApps("lint", root, "--baseline", baseline, "--profile", "audit");
        File.WriteAllText(Path.Combine(Apps(root), "web.yaml"), "# a new comment moves every line\n" + SplitPeers + """

            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: api, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: web}}
              policyTypes: [Ingress]
              ingress:
                - from:
                    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}
                    - podSelector: {matchLabels: {app: web}}
            """);
        var moved = await RunOnApps("lint", root, "--baseline", baseline, "--format", "json", "--profile", "audit");

        using var json = JsonDocument.Parse(moved.Output);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(written.ExitCode, Is.EqualTo((int)ExitCode.Ok), written.Error);
            Assert.That(File.ReadAllText(baseline), Does.Contain("\"schema\": \"policycheck/baseline/v1\"").And.Contain("\"path\": \"k8s/apps/web.yaml\""));
            Assert.That(same.ExitCode, Is.EqualTo((int)ExitCode.Ok), same.Output);
            // Baselined: PC1003 (split peers), PC2002 (web not isolated for egress), PC2010 twice (namespace shop
            // has no default deny for either direction).
            Assert.That(same.Output, Does.Contain("No findings").And.Contain("; 4 suppressed)."));
            Assert.That(moved.ExitCode, Is.EqualTo((int)ExitCode.Findings), moved.Error);
            // New: the added policy's split peers, and the two policies now being equivalent (PC1010 names one of them).
            Assert.That(findings.Where(f => !f.TryGetProperty("suppressed", out _)).Select(f => $"{f.GetProperty("ruleId")} {f.GetProperty("location").GetProperty("line")}"),
                Is.EquivalentTo(new[] { "PC1003 31", "PC1010 8" }));
            Assert.That(findings.Where(f => f.TryGetProperty("suppressed", out _)).Select(f => f.GetProperty("suppressed").GetProperty("kind").GetString()),
                Is.EqualTo(new[] { "external", "external", "external", "external" }));
            Assert.That(json.RootElement.GetProperty("summary").GetProperty("suppressed").GetInt32(), Is.EqualTo(4));
        }
    }

    [TestCase("{ not json", "baseline.json:1:3: error: the baseline is not valid JSON")]
    [TestCase("{\"schema\": \"other\"}", "error: not a baseline file")]
    public async Task Lint_MalformedBaseline_UsageError(string text, string message)
    {
        var root = Repository();
        var baseline = Path.Combine(root, "baseline.json");
        File.WriteAllText(baseline, text);

        var result = await RunOnApps("lint", root, "--baseline", baseline);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError));
            Assert.That(result.Error, Does.Contain(message));
        }
    }

    [Category(TestCategories.External)]
    [Test]
    public async Task LintSarif_Suppressions_InSourceAndExternal_ValidateClean()
    {
        var manifest = SplitPeersIgnoring("PC1003: either peer is fine");
        var root = Repository(manifest);
        var baseline = Path.Combine(root, "baseline.json");
        // The audit profile reports web per workload (PC2002), which the default profile leaves to PC2010.
        await RunOnApps("lint", root, "--write-baseline", baseline, "--profile", "audit");

        var result = await RunOnApps("lint", root, "--baseline", baseline, "--format", "sarif", "--profile", "audit");

        using var json = JsonDocument.Parse(result.Output);
        var results = json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => (Rule: r.GetProperty("ruleId").GetString(), Suppression: r.GetProperty("suppressions")[0]))
            .ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
            Assert.That(results.Select(r => (r.Rule, r.Suppression.GetProperty("kind").GetString())),
                Is.EquivalentTo(new[] { ("PC1003", "inSource"), ("PC2002", "external"), ("PC2010", "external"), ("PC2010", "external") }));
            Assert.That(results.Single(r => r.Rule == "PC1003").Suppression.GetProperty("justification").GetString(), Is.EqualTo("either peer is fine"));
        }

        SarifValidator.AssertValid(result.Output);
    }

    [Test]
    public async Task Lint_RuleParameterFromConfig_Applies()
    {
        const string manifest = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: p, namespace: shop}
            spec:
              podSelector: {}
              policyTypes: [Egress]
              egress:
                - ports: [{port: 9999}]
            """;
        var root = Repository(manifest, "rules:\n  PC1007: {params: {udp-ports: [9999]}}\n");

        var result = await RunOnApps("lint", root);

        Assert.That(result.Output, Does.Contain("web.yaml:8:15: warning PC1007: NetworkPolicy 'p' allows port 9999 without a protocol, so TCP applies, but port 9999 is usually served over UDP"));
    }

    [Test]
    public void ShippedProfiles_EmbeddedAndValid()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Configuration.ProfileLoader.ShippedNames, Is.EqualTo(new[] { "audit", "baseline", "strict" }));
            foreach (var name in Configuration.ProfileLoader.ShippedNames)
            {
                var errors = new List<Core.Diagnostics.SettingsError>();
                Assert.That(Configuration.ProfileLoader.Load(name, ".", Core.Model.SourceSpan.None, errors), Is.Not.Null, string.Join("\n", errors));
                Assert.That(Configuration.ProfileLoader.ShippedText(name),
                    Is.EqualTo(File.ReadAllText(Path.Combine(Snapshot.RepositoryRoot(), "policies", name + ".yaml"))), "embedded from policies/, not a copy");
            }
        }
    }

    [Test]
    public async Task ConfigurationDocs_CompleteExample_IsAValidConfiguration()
    {
        var page = File.ReadAllText(Path.Combine(Snapshot.RepositoryRoot(), "docs", "configuration.md"));
        var section = page[page.IndexOf("### Complete example", StringComparison.Ordinal)..];
        var start = section.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var example = section[start..section.IndexOf("```", start, StringComparison.Ordinal)];
        var root = Repository(config: example);

        var matrix = await RunOnApps("matrix", root);
        var lint = await RunOnApps("lint", root);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(matrix.ExitCode, Is.EqualTo((int)ExitCode.Ok), matrix.Error);
            Assert.That(lint.Error, Is.Empty);
            Assert.That(lint.Output, Does.Contain("\"$schema\""), "defaults.lint.format is sarif");
        }
    }
}
