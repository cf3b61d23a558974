using System.Text.Json;
using PolicyCheck.Cli.Commands;
using PolicyCheck.Core.Engine;
using PolicyCheck.Lint;
using PolicyCheck.Reporting.Diff;
using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests;

/// <summary>
/// <c>policycheck diff</c> end to end: two folders, and git refs of a temporary repository. Expected changes follow
/// from the Kubernetes docs for the small manifests here (named ports resolve to the container port; a rule allows
/// the union of its ports; 'Default deny all ingress and all egress traffic' denies everything but a pod to itself).
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class DiffCommandTests
{
    /// <summary><see cref="TestManifests.TwoPods"/> with the rule allowing TCP 443 as well as the named port http (8080).</summary>
    private static readonly string TwoPodsWith443 = TestManifests.TwoPods.Replace("ports: [{port: http}]", "ports: [{port: http}, {port: 443}]", StringComparison.Ordinal);

    /// <summary>A policy whose pod and namespace selectors are separate peers: PeerSelectorsSplit fires on it.</summary>
    private const string SplitPeers = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: split, namespace: x}
        spec:
          podSelector: {matchLabels: {app: a}}
          ingress:
          - from:
            - podSelector: {matchLabels: {app: b}}
            - namespaceSelector: {matchLabels: {team: t}}
        """;

    private static string Side(string yaml)
    {
        var folder = TempFolder.Scratch();
        File.WriteAllText(Path.Combine(folder, "app.yaml"), yaml);
        return folder;
    }

    [Test]
    public async Task Diff_PortAdded_TextShowsChangedConnectionAndExitsZero()
    {
        var result = await CliRunner.RunAsync("diff", Side(TestManifests.TwoPods), Side(TwoPodsWith443));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Zero, result.Error);
            Assert.That(result.Output, Does.Contain("+0 connections, −0, 1 changed, 0 new findings"));
            Assert.That(result.Output, Does.Contain("Connections changed:\n  ~ x/a -> x/b: TCP 8080 => TCP 443,8080 (gained TCP 443)\n"));
            Assert.That(result.Output.Contains('\e', StringComparison.Ordinal), Is.False, "no colour when not on a terminal");
        }
    }

    [Test]
    public async Task Diff_FailOnNewConnections_ExitsOneOnlyWhenSomethingIsGained()
    {
        var narrow = Side(TestManifests.TwoPods);
        var wide = Side(TwoPodsWith443);

        var widened = await CliRunner.RunAsync("diff", narrow, wide, "--fail-on-new-connections");
        var narrowed = await CliRunner.RunAsync("diff", wide, narrow, "--fail-on-new-connections");
        var ungated = await CliRunner.RunAsync("diff", narrow, wide, "--fail-on-new-findings");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(widened.ExitCode, Is.EqualTo(1));
            Assert.That(narrowed.ExitCode, Is.Zero);
            Assert.That(narrowed.Output, Does.Contain("~ x/a -> x/b: TCP 443,8080 => TCP 8080 (lost TCP 443)"));
            Assert.That(ungated.ExitCode, Is.Zero);
        }
    }

    [Test]
    public async Task Diff_FindingIntroduced_JsonListsItAndGateFails()
    {
        var result = await CliRunner.RunAsync(
            "diff", Side(TestManifests.TwoPods), Side(TestManifests.TwoPods + "\n---\n" + SplitPeers), "--format", "json", "--fail-on-new-findings");

        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        var introduced = root.GetProperty("findings").GetProperty("introduced");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(root.GetProperty("schema").GetString(), Is.EqualTo(DiffJsonWriter.Schema));
            Assert.That(introduced.EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()), Does.Contain(RuleIds.PeerSelectorsSplit));
            // The split policy selects x/a for ingress, so the finding that x/a was not isolated is gone.
            Assert.That(root.GetProperty("findings").GetProperty("fixed").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()), Is.EqualTo(new[] { RuleIds.IngressNotIsolated }));
            Assert.That(root.GetProperty("summary").GetProperty("findingsIntroduced").GetInt32(), Is.EqualTo(introduced.GetArrayLength()));
        }
    }

    [Test]
    [Description("Findings match by rule, object and message: moving the policy further down the file is no change.")]
    public async Task Diff_LinesShift_SameFindingsAreNeitherNewNorFixed()
    {
        var before = Side(TestManifests.TwoPods + "\n---\n" + SplitPeers);
        // The documents keep their order: PC2010 is anchored on namespace x's first policy in file order, so swapping
        // x's two policies would move that finding to the other policy, which diff rightly counts as another object.
        var after = Side("# a comment\n# and another\n" + TestManifests.TwoPods + "\n---\n" + SplitPeers);

        var result = await CliRunner.RunAsync("diff", before, after, "--format", "json", "--fail-on-new-findings");

        using var json = JsonDocument.Parse(result.Output);
        var summary = json.RootElement.GetProperty("summary");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Zero, result.Output);
            Assert.That(summary.GetProperty("findingsIntroduced").GetInt32(), Is.Zero);
            Assert.That(summary.GetProperty("findingsFixed").GetInt32(), Is.Zero);
        }
    }

    [Test]
    public async Task Diff_Json_ChangedEntryCarriesBothSidesAndTheDifference()
    {
        var result = await CliRunner.RunAsync("diff", Side(TestManifests.TwoPods), Side(TwoPodsWith443), "--format", "json");

        using var json = JsonDocument.Parse(result.Output);
        var changed = json.RootElement.GetProperty("connections").GetProperty("changed").EnumerateArray().Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed.GetProperty("from").GetString(), Is.EqualTo("x/a"));
            Assert.That(changed.GetProperty("to").GetString(), Is.EqualTo("x/b"));
            Assert.That(changed.GetProperty("betweenReplicas").GetBoolean(), Is.False);
            Assert.That(changed.GetProperty("before").GetRawText(), Does.Contain("[8080, 8080]"));
            Assert.That(changed.GetProperty("gained")[0].GetProperty("ports").GetRawText(), Does.Contain("[443, 443]").And.Not.Contain("8080"));
            Assert.That(changed.GetProperty("lost").GetArrayLength(), Is.Zero);
        }
    }

    [Test]
    [Description("k8s docs 'Default deny all ingress and all egress traffic': removing it from ten pods adds 10·9 pod pairs and 10·4 external connections (IPv4 and IPv6, both ways).")]
    public async Task Diff_Markdown_ManyChanges_TableIsCutWithANote()
    {
        var pods = string.Join("\n---\n", Enumerable.Range(0, 10).Select(i => $$"""
            apiVersion: v1
            kind: Pod
            metadata: {name: p{{i}}, namespace: z}
            spec: {containers: [{name: c, image: x}]}
            """));
        const string DenyAll = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: default-deny-all, namespace: z}
            spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
            """;

        var result = await CliRunner.RunAsync("diff", Side(pods + "\n---\n" + DenyAll), Side(pods), "--format", "md");

        var lines = result.Output.Split('\n');
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Zero, result.Error);
            Assert.That(lines[0], Is.EqualTo("## PolicyCheck diff"));
            Assert.That(lines[2], Does.StartWith("**+130 connections, −0, "));
            Assert.That(lines.Count(l => l.StartsWith("| ➕ added |", StringComparison.Ordinal)), Is.EqualTo(DiffMarkdownWriter.MaxRows));
            Assert.That(result.Output, Does.Contain("… and 80 more connection changes, not shown."));
        }
    }

    [Test]
    public async Task Diff_Namespace_ShowsOnlyThatNamespacesSubjects()
    {
        var other = TestManifests.TwoPods.Replace("namespace: x", "namespace: w", StringComparison.Ordinal);
        var before = Side(TestManifests.TwoPods + "\n---\n" + other);
        var after = Side(TwoPodsWith443 + "\n---\n" + other.Replace("ports: [{port: http}]", "ports: [{port: http}, {port: 443}]", StringComparison.Ordinal));

        var all = await CliRunner.RunAsync("diff", before, after);
        var onlyW = await CliRunner.RunAsync("diff", before, after, "--namespace", "w");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(all.ExitCode, Is.Zero, all.Error);
            Assert.That(all.Output, Does.Contain("x/a -> x/b").And.Contain("w/a -> w/b"));
            Assert.That(onlyW.Output, Does.Contain("w/a -> w/b").And.Not.Contain("x/a"));
        }
    }

    [Test]
    public async Task Diff_Output_WritesTheFileAndNothingToStdout()
    {
        var target = Path.Combine(TempFolder.Scratch(), "diff.md");

        var result = await CliRunner.RunAsync("diff", Side(TestManifests.TwoPods), Side(TwoPodsWith443), "-f", "md", "--output-file", target);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Zero);
            Assert.That(result.Output, Is.Empty);
            Assert.That(File.ReadAllText(target), Does.Contain("| 🔁 changed | `x/a` | `x/b` | +TCP 443 |"));
        }
    }

    [Test]
    public async Task Diff_OutputNotWritable_IsUsageError()
    {
        var target = Path.Combine(TempFolder.Scratch(), "missing-folder", "diff.txt");

        var result = await CliRunner.RunAsync("diff", Side(TestManifests.TwoPods), Side(TwoPodsWith443), "--output-file", target);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(3));
            Assert.That(result.Error, Does.Contain($"cannot write '{target}'"));
        }
    }

    [Test]
    public async Task Diff_HeadHasInputError_ExitsTwoEvenWithAGateTriggered()
    {
        var head = Side(TwoPodsWith443 + "\n---\nkind: [unclosed\n");

        var result = await CliRunner.RunAsync("diff", Side(TestManifests.TwoPods), head, "--fail-on-new-connections");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Error, Does.Match(@"app\.yaml:\d+:\d+: error PC00\d\d"));
            Assert.That(result.Error, Does.Contain("input errors in the head"));
            Assert.That(result.Error, Does.Not.Contain("   at "), "no stack trace");
        }
    }

    [Test]
    public async Task Diff_MissingBasePath_ExitsTwoWithTheLoadError()
    {
        var missing = Path.Combine(TempFolder.Scratch(), "nope");

        var result = await CliRunner.RunAsync("diff", missing, Side(TestManifests.TwoPods));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Error, Does.Contain("PC0001").And.Contain("input errors in the base"));
        }
    }

    [Category(TestCategories.External)]
    [TestCase(new[] { "diff", "only-one" }, "diff needs two paths, BASE and HEAD")]
    [TestCase(new[] { "diff", "a", "b", "c" }, "diff needs two paths, BASE and HEAD, or --git REF [PATH...]; got 3.")]
    [TestCase(new[] { "diff", "a", "b", "--head-git", "main" }, "--head-git needs --git")]
    [TestCase(new[] { "diff", "-", "-" }, "standard input ('-') can be only one side")]
    [TestCase(new[] { "diff", "a", "b", "--format", "sarif" }, "'sarif' is not a format here; use text, json or md.")]
    [TestCase(new[] { "diff", "a", "b", "--ipblock-pods", "maybe" }, "'maybe' is not a valid --ipblock-pods value")]
    [TestCase(new[] { "diff", "a", "b", "--no-such-option" }, "--no-such-option")]
    [TestCase(new[] { "diff", "a", "b", "--git" }, "--git")]
    public async Task Diff_BadCommandLine_IsUsageErrorWithMessage(string[] args, string message)
    {
        var result = await CliRunner.RunAsync(args);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(3));
            Assert.That(result.Error, Does.Contain(message));
            Assert.That(result.Output, Is.Empty);
        }
    }

    [Test]
    public async Task Help_IsStable()
    {
        var result = await CliRunner.RunAsync("diff", "--help");

        Assert.That(result.ExitCode, Is.Zero);
        Snapshot.Match(result.Output);
    }

    // ---- --git --------------------------------------------------------------------------------------------------

    /// <summary>
    /// A repository with two commits: the first has TwoPods in k8s/app.yaml, the second allows 443 too and adds
    /// k8s/extra/split.yaml; then the work tree adds UDP 53 to the rule without committing.
    /// </summary>
    private static string Repository()
    {
        var root = TempFolder.Scratch();
        Git(root, "init", "-q", "-b", "main");
        Directory.CreateDirectory(Path.Combine(root, "k8s"));
        File.WriteAllText(Path.Combine(root, "k8s", "app.yaml"), TestManifests.TwoPods);
        File.WriteAllText(Path.Combine(root, "README.md"), "not a manifest\n");
        Git(root, "add", "-A");
        Git(root, "commit", "-q", "-m", "first");
        File.WriteAllText(Path.Combine(root, "k8s", "app.yaml"), TwoPodsWith443);
        Directory.CreateDirectory(Path.Combine(root, "k8s", "extra"));
        File.WriteAllText(Path.Combine(root, "k8s", "extra", "split.yaml"), SplitPeers);
        Git(root, "add", "-A");
        Git(root, "commit", "-q", "-m", "second");
        File.WriteAllText(
            Path.Combine(root, "k8s", "app.yaml"),
            TwoPodsWith443.Replace("{port: 443}]", "{port: 443}, {port: 53, protocol: UDP}]", StringComparison.Ordinal));
        return root;
    }

    private static string Git(string folder, params string[] args) => TestGit.Run(folder, args);

    private static Task<int> RunGit(string root, Terminal terminal, string? gitRef, string? headRef, string[] paths, DiffFormat format = DiffFormat.Text, string git = "git") =>
        DiffHandler.RunAsync(
            new DiffRequest
            {
                Paths = [.. paths],
                GitRef = gitRef,
                HeadGitRef = headRef,
                Format = format,
                Plugin = EvaluationOptions.Default,
                WorkingDirectory = root,
                Git = git,
            },
            terminal,
            CancellationToken.None);

    [Category(TestCategories.External)]
    [Test]
    public async Task Git_TwoCommits_ComparesTheRefsWithoutTouchingTheWorkTree()
    {
        var root = Repository();
        var statusBefore = Git(root, "status", "--porcelain");
        var k8s = Path.Combine(root, "k8s");

        var result = await CliRunner.RunAsync("diff", "--git", "HEAD~1", "--head-git", "HEAD", k8s);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Zero, result.Error);
            // The split policy of the second commit isolates x/a for ingress: only x/b may still reach it.
            Assert.That(result.Output, Does.StartWith("policycheck diff HEAD~1 -> HEAD: +0 connections, −2, 1 changed, "));
            Assert.That(result.Output, Does.Contain("- ext:0.0.0.0/0 -> x/a: all\n"));
            Assert.That(result.Output, Does.Contain("~ x/a -> x/b: TCP 8080 => TCP 443,8080 (gained TCP 443)"));
            Assert.That(result.Output, Does.Contain($"+ HEAD:k8s/extra/split.yaml:").And.Contain(RuleIds.PeerSelectorsSplit));
            Assert.That(Git(root, "status", "--porcelain"), Is.EqualTo(statusBefore));
            Assert.That(Git(root, "stash", "list"), Is.Empty);
        }
    }

    [Test]
    public async Task Git_RefAgainstWorkTree_SeesUncommittedChange()
    {
        var root = Repository();

        var result = await CliRunner.RunAsync("diff", "--git", "HEAD", Path.Combine(root, "k8s"), "--fail-on-new-connections", "--format", "md");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.Error);
            Assert.That(result.Output, Does.Contain("| 🔁 changed | `x/a` | `x/b` | +UDP 53 |"));
        }
    }

    [Category(TestCategories.External)]
    [Test]
    public async Task Git_NoPaths_UsesTheWorkingDirectoryAndReportsFixedFindingsAtTheRef()
    {
        var root = Repository();
        File.Delete(Path.Combine(root, "k8s", "extra", "split.yaml"));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await RunGit(root, Terminal.Plain(output, error), "HEAD", null, []);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.Zero, error.ToString());
            Assert.That(output.ToString(), Does.Contain("HEAD -> work tree"));
            Assert.That(output.ToString(), Does.Contain("Findings fixed:\n  - HEAD:k8s/extra/split.yaml:"));
        }
    }

    [Test]
    public async Task Git_OneFileAtTwoRefs_ReadsJustThatFile()
    {
        var root = Repository();

        var result = await CliRunner.RunAsync("diff", "--git", "HEAD~1", "--head-git", "HEAD", Path.Combine(root, "k8s", "app.yaml"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Zero, result.Error);
            Assert.That(result.Output, Does.StartWith("policycheck diff HEAD~1 -> HEAD: +0 connections, −0, 1 changed, 0 new findings\n"));
        }
    }

    [Category(TestCategories.External)]
    [Test]
    public async Task Git_RelativePath_IsRelativeToTheWorkingDirectory()
    {
        var root = Repository();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await RunGit(Path.Combine(root, "k8s"), Terminal.Plain(output, error), "HEAD~1", "HEAD", ["extra"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.Zero, error.ToString());
            Assert.That(error.ToString(), Does.Contain("note: 'extra' does not exist at 'HEAD~1'"));
            Assert.That(output.ToString(), Does.Contain("+ HEAD:k8s/extra/split.yaml:"));
        }
    }

    [Category(TestCategories.External)]
    [Test]
    public async Task Git_PathMissingAtRef_BaseIsEmptyThereWithANote()
    {
        var root = Repository();
        var extra = Path.Combine(root, "k8s", "extra");

        var result = await CliRunner.RunAsync("diff", "--git", "HEAD~1", extra, "--format", "json");

        using var json = JsonDocument.Parse(result.Output);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Zero, result.Error);
            Assert.That(result.Error, Does.Contain($"note: '{extra}' does not exist at 'HEAD~1'"));
            Assert.That(json.RootElement.GetProperty("summary").GetProperty("findingsIntroduced").GetInt32(), Is.GreaterThan(0));
        }
    }

    [Category(TestCategories.External)]
    [Test]
    public async Task Git_Quiet_SuppressesTheNote()
    {
        var root = Repository();

        var result = await CliRunner.RunAsync("diff", "--git", "HEAD~1", Path.Combine(root, "k8s", "extra"), "--quiet");

        Assert.That(result.Error, Is.Empty);
    }

    [Test]
    public async Task Git_BadRef_IsUsageError()
    {
        var root = Repository();

        var result = await CliRunner.RunAsync("diff", "--git", "no-such-branch", Path.Combine(root, "k8s"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(3));
            Assert.That(result.Error, Does.Contain("'no-such-branch' is not a commit in the repository"));
            Assert.That(result.Output, Is.Empty);
        }
    }

    [Category(TestCategories.External)]
    [Test]
    public async Task Git_ShallowCloneWithoutTheBase_SaysToFetchIt()
    {
        var origin = Repository();
        var clone = Path.Combine(TempFolder.Scratch(), "clone");
        Git(origin, "clone", "-q", "--depth", "1", "file://" + origin, clone);
        var baseCommit = Git(origin, "rev-parse", "HEAD~1").Trim();

        var result = await CliRunner.RunAsync("diff", "--git", baseCommit, Path.Combine(clone, "k8s"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(3));
            Assert.That(result.Error, Does.Contain($"'{baseCommit}' is not a commit").And.Contain("this clone is shallow: fetch the ref first"));
        }
    }

    [Category(TestCategories.External)]
    [Test]
    public async Task Git_OptionLikeRef_IsRejectedNotRunAsAnOption()
    {
        var root = Repository();

        var result = await CliRunner.RunAsync("diff", "--git=--output=x", Path.Combine(root, "k8s"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(3));
            Assert.That(result.Error, Does.Contain("'--output=x' is not a commit"));
        }
    }

    [Test]
    public async Task Git_NotARepository_IsUsageError()
    {
        var folder = Side(TestManifests.TwoPods);

        var result = await CliRunner.RunAsync("diff", "--git", "main", folder);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(3));
            Assert.That(result.Error, Does.Contain($"'{folder}' is not inside a git repository"));
        }
    }

    [Category(TestCategories.External)]
    [Test]
    public async Task Git_NotInstalled_IsUsageErrorWithHint()
    {
        var root = Repository();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await RunGit(root, Terminal.Plain(output, error), "HEAD", null, [], git: Path.Combine(root, "no-git-here"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(3));
            Assert.That(error.ToString(), Does.Contain("--git needs git, but").And.Contain("could not be started; install git or put it on PATH."));
        }
    }

    [Test]
    public async Task Git_PathsInTwoRepositories_IsUsageError()
    {
        var first = Repository();
        var second = Repository();

        var result = await CliRunner.RunAsync("diff", "--git", "HEAD", Path.Combine(first, "k8s"), Path.Combine(second, "k8s"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(3));
            Assert.That(result.Error, Does.Contain("is in another git repository"));
        }
    }

    [Category(TestCategories.External)]
    [Test]
    public async Task Git_ExportIgnoredFile_IsStillRead()
    {
        var root = Repository();
        File.WriteAllText(Path.Combine(root, ".gitattributes"), "k8s/** export-ignore\n");
        Git(root, "add", ".gitattributes");
        Git(root, "commit", "-q", "-m", "attributes");

        var result = await CliRunner.RunAsync("diff", "--git", "HEAD~2", "--head-git", "HEAD", Path.Combine(root, "k8s"));

        Assert.That(result.Output, Does.Contain("~ x/a -> x/b: TCP 8080 => TCP 443,8080"), result.Error);
    }
}
