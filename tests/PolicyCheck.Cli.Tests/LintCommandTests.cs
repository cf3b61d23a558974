using System.Text.Json;
using PolicyCheck.Lint;
using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests;

[Parallelizable(ParallelScope.Fixtures)]
public sealed class LintCommandTests
{
    /// <summary>
    /// Isolated both ways by a policy for every pod of the namespace (a default deny, PC2010), DNS allowed to the
    /// (assumed) CoreDNS: nothing to report.
    /// </summary>
    private const string Clean = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, labels: {app: web}}
        spec:
          containers: [{name: web, image: nginx}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web, namespace: shop}
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
          ingress:
            - from:
                - podSelector: {matchLabels: {app: web}}
          egress:
            - to:
                - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
                  podSelector: {matchLabels: {k8s-app: kube-dns}}
              ports:
                - {port: 53, protocol: UDP}
                - {port: 53, protocol: TCP}
        """;

    /// <summary>The API server rejects protocol 'tcp' (exact spellings only), so the policy is left out.</summary>
    private const string Rejected = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: bad, namespace: shop}
        spec:
          podSelector: {}
          ingress:
            - ports:
                - {port: 80, protocol: tcp}
        """;

    [Test]
    [Description("k8s docs (Behavior of to and from selectors): two items are OR'ed; the podSelector item is line 44.")]
    public async Task Lint_SplitPeers_ReportsThePodSelectorPeerAndExitsWithFindings()
    {
        var result = await CliRunner.RunAsync("lint", CliRunner.Example("split-peers"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Findings), result.Error);
            Assert.That(Snapshot.Normalize(result.Output), Does.Contain(
                "examples/split-peers/network-policies.yaml:44:11: warning PC1003: NetworkPolicy 'ledger-allow-billing-api' " +
                "lists podSelector 'role=api' and namespaceSelector 'team=billing' as separate peers"));
            Assert.That(result.Output, Does.Contain("[PeerSelectorsSplit]"));
            Assert.That(result.Output.TrimEnd(), Does.EndWith("1 warning, 2 notes in 2 files (4 files, 10 objects checked)."), "PC2010 for egress of both namespaces; the per-workload PC2002 is off in the baseline");
        }
    }

    [Test]
    [Description("examples/webshop: default deny both ways in shop and data with DNS allowed; kube-system has no policy, as its comment says.")]
    public async Task Lint_Webshop_TextIsStable()
    {
        var result = await CliRunner.RunAsync("lint", CliRunner.Example("webshop"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), "notes only, below the default --fail-on warning");
            Assert.That(Snapshot.Normalize(result.Output), Does.Contain("examples/webshop/namespaces.yaml:4:1: note PC2010: Namespace 'kube-system' has 1 workload(s)"));
            Assert.That(result.Output, Does.Not.Contain("PC2001"), "the baseline leaves per-workload isolation to PC2010");
            Assert.That(result.Output, Does.Not.Contain("PC2003"), "shop and data allow DNS to kube-system on 53");
        }

        Snapshot.Match(result.Output);
    }

    [Test]
    public async Task Lint_SplitPeers_TextIsStable()
    {
        var result = await CliRunner.RunAsync("lint", CliRunner.Example("split-peers"));

        Snapshot.Match(result.Output);
    }

    [TestCase("error", ExitCode.Ok)]
    [TestCase("warning", ExitCode.Findings)]
    [TestCase("note", ExitCode.Findings)]
    [TestCase("none", ExitCode.Ok)]
    public async Task Lint_FailOn_WarningFindingsExitByThreshold(string failOn, ExitCode expected)
    {
        var result = await CliRunner.RunAsync("lint", CliRunner.Example("split-peers"), "--fail-on", failOn);

        Assert.That(result.ExitCode, Is.EqualTo((int)expected), result.Error);
    }

    [Test]
    public async Task Lint_CleanInput_ExitsOkWithSummary()
    {
        var result = await CliRunner.RunWithInputAsync(Clean, "lint", "-");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
            Assert.That(result.Output, Is.EqualTo("No findings (1 file, 2 objects checked)." + Environment.NewLine));
        }
    }

    [Test]
    public async Task Lint_RejectedInput_ReportsLoaderErrorAndExitsIncomplete()
    {
        var result = await CliRunner.RunWithInputAsync(Rejected, "lint", "-", "--fail-on", "none");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.IncompleteInput));
            Assert.That(result.Output, Does.Contain("<stdin>:8:32: error PC0023: Protocol 'tcp' is not valid"));
            Assert.That(result.Error, Does.Contain("not linted"));
        }
    }

    [Test]
    public async Task Lint_RejectedInputAndFindings_IncompleteWins()
    {
        var folder = TempFolder.Scratch();
        await File.WriteAllTextAsync(Path.Combine(folder, "bad.yaml"), Rejected);
        File.Copy(Path.Combine(CliRunner.Example("split-peers"), "network-policies.yaml"), Path.Combine(folder, "split.yaml"));

        var result = await CliRunner.RunAsync("lint", folder);

        Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.IncompleteInput));
    }

    [Test]
    public async Task Lint_MissingInput_IsAnErrorWithoutLocationAndExitsIncomplete()
    {
        var result = await CliRunner.RunAsync("lint", Path.Combine(TempFolder.Scratch(), "absent.yaml"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.IncompleteInput));
            Assert.That(result.Output, Does.StartWith("error PC0001: "));
            Assert.That(result.Output, Does.EndWith("1 error (0 files, 0 objects checked)." + Environment.NewLine));
        }
    }

    [TestCase("--fail-on", "warnings")]
    [TestCase("--format", "sarif2")]
    public async Task Lint_BadOptionValue_IsUsageError(string option, string value)
    {
        var result = await CliRunner.RunAsync("lint", CliRunner.Example("split-peers"), option, value);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError));
            Assert.That(result.Error, Does.Contain($"'{value}'"));
            Assert.That(result.Output, Is.Empty);
        }
    }

    [Test]
    public async Task Lint_Json_HasSummaryAndFindingWithSpan()
    {
        var result = await CliRunner.RunAsync("lint", CliRunner.Example("split-peers"), "--format", "json");

        Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Findings), result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        var finding = root.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == RuleIds.PeerSelectorsSplit);
        var location = finding.GetProperty("location");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.GetProperty("schema").GetString(), Is.EqualTo("policycheck/lint/v1"));
            Assert.That(root.GetProperty("summary").GetProperty("warnings").GetInt32(), Is.EqualTo(1));
            Assert.That(root.GetProperty("summary").GetProperty("notes").GetInt32(), Is.EqualTo(2), "PC2010 for egress of both namespaces; the per-workload PC2002 is off in the baseline");
            Assert.That(finding.GetProperty("ruleId").GetString(), Is.EqualTo(RuleIds.PeerSelectorsSplit));
            Assert.That(finding.GetProperty("name").GetString(), Is.EqualTo("PeerSelectorsSplit"));
            Assert.That(finding.GetProperty("severity").GetString(), Is.EqualTo("warning"));
            Assert.That(location.GetProperty("line").GetInt32(), Is.EqualTo(44));
            Assert.That(location.GetProperty("column").GetInt32(), Is.EqualTo(11));
            Assert.That(finding.GetProperty("related")[0].GetProperty("line").GetInt32(), Is.EqualTo(41), "the namespaceSelector peer");
            Assert.That(finding.GetProperty("helpUri").GetString(), Does.EndWith("/docs/rules/PC1003.md"));
        }
    }

    [Test]
    public async Task Lint_Markdown_IsATableWithRuleLinks()
    {
        var result = await CliRunner.RunAsync("lint", CliRunner.Example("split-peers"), "--format", "md");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Findings), result.Error);
            Assert.That(result.Output, Does.StartWith("## PolicyCheck lint"));
            Assert.That(result.Output, Does.Contain("| Severity | Rule | Location | Message |"));
            Assert.That(result.Output, Does.Contain("/docs/rules/PC1003.md) PeerSelectorsSplit | `"));
        }
    }

    [Test]
    public async Task Lint_Output_WritesTheFileAndNothingToStdout()
    {
        var path = Path.Combine(TempFolder.Scratch(), "lint.json");

        var result = await CliRunner.RunAsync("lint", CliRunner.Example("split-peers"), "--format", "json", "--output-file", path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Findings), result.Error);
            Assert.That(result.Output, Is.Empty);
            Assert.That(await File.ReadAllTextAsync(path), Does.Contain("\"ruleId\": \"PC1003\""));
        }
    }

    [Test]
    public async Task Rules_Markdown_IsTheCommittedDocsReadme()
    {
        var result = await CliRunner.RunAsync("rules", "--format", "md");
        var readme = Path.Combine(Snapshot.RepositoryRoot(), "docs", "rules", "README.md");

        Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
        Assert.That(
            Snapshot.Normalize(result.Output),
            Is.EqualTo(Snapshot.Normalize(await File.ReadAllTextAsync(readme))),
            "docs/rules/README.md is stale: run 'policycheck rules -o md --output-file docs/rules/README.md'.");
    }

    [Test]
    public async Task Rules_Json_ListsEveryRuleOfTheCatalog()
    {
        var result = await CliRunner.RunAsync("rules", "--format", "json");

        using var json = JsonDocument.Parse(result.Output);
        var ids = json.RootElement.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString());
        Assert.That(ids, Is.EqualTo(RuleCatalog.All.Select(r => r.Descriptor.Id)));
    }

    [Test]
    public async Task Rules_Text_OneLinePerRule()
    {
        var result = await CliRunner.RunAsync("rules");

        Assert.That(result.Output, Does.Contain("PC1004  warning  Correctness  RulesIgnoredByPolicyTypes"));
    }

    [TestCase("lint", "--help")]
    [TestCase("rules", "--help")]
    public async Task Help_IsStable(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);

        Assert.That(result.ExitCode, Is.Zero);
        Snapshot.Match(result.Output);
    }
}
