using System.Text.Json;
using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests;

/// <summary>
/// <c>policycheck list</c> end to end. Expected lines come from examples/webshop/expected-matrix.txt (derived by hand)
/// with ids written as display names: coredns is a Deployment with 2 replicas and no policy in kube-system, so its
/// replicas may reach each other on everything.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class ListCommandTests
{
    private const string Backend = "shop/backend";
    private const string Frontend = "shop/frontend";
    private const string CoreDns = "kube-system/coredns";
    private const string Ipv4Rest = "ext:0.0.0.0-203.0.112.255,203.0.114.0-255.255.255.255";
    private const string Partner = "ext:203.0.113.0/24";
    private const string Ipv6 = "ext:::/0";

    private static readonly string[] FormsNamed = ["NS/NAME", "ns=shop,app=web", "CIDR"];

    private static Task<CliRunner.Result> Webshop(params string[] options) =>
        CliRunner.RunAsync(["list", CliRunner.Example("webshop"), .. options]);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Test]
    public async Task List_Webshop_TextIsStable()
    {
        var result = await Webshop();

        Assert.That(result.ExitCode, Is.Zero, result.Error);
        Assert.That(result.Error, Is.Empty, "no progress or notes when stderr is not a terminal");
        Snapshot.Match(result.Output);
    }

    [Test]
    public async Task List_Webshop_ListsBetweenReplicasOfCoreDns()
    {
        var result = await Webshop("--no-summary");

        Assert.That(Lines(result.Output), Does.Contain($"{CoreDns} -> {CoreDns} (between replicas) : all"));
    }

    [Test]
    public async Task List_FocusIngress_ListsOnlyConnectionsIntoIt()
    {
        var result = await Webshop("--focus", "shop/backend", "--direction", "ingress", "--no-summary");

        Assert.That(result.ExitCode, Is.Zero, result.Error);
        Assert.That(Lines(result.Output), Is.EqualTo(new[] { $"{Frontend} -> {Backend} : TCP 8000" }));
    }

    [Test]
    public async Task List_FocusEgress_ListsOnlyConnectionsOutOfIt()
    {
        var result = await Webshop("--focus", "shop/backend", "--direction", "egress", "--no-summary");

        Assert.That(Lines(result.Output), Is.EqualTo(new[]
        {
            $"{Backend} -> data/postgres : TCP 5432",
            $"{Backend} -> data/redis : TCP 6379",
            $"{Backend} -> {CoreDns} : TCP 53; UDP 53",
            $"{Backend} -> {Partner} : TCP 443",
        }));
    }

    [Test]
    public async Task List_FocusWithoutDirection_ListsBothWays()
    {
        var result = await Webshop("--focus", "shop/frontend", "--no-summary");

        Assert.That(Lines(result.Output), Is.EqualTo(new[]
        {
            $"{Frontend} -> {CoreDns} : TCP 53; UDP 53",
            $"{Frontend} -> {Backend} : TCP 8000",
            $"{Ipv4Rest} -> {Frontend} : TCP 8080",
            $"{Partner} -> {Frontend} : TCP 8080",
        }));
    }

    [Test]
    public async Task List_FocusOnOutsideAddress_ListsWhatItMayReach()
    {
        var result = await Webshop("--focus", "203.0.113.7", "--direction", "egress", "--no-summary");

        Assert.That(Lines(result.Output), Is.EqualTo(new[] { $"{Partner} -> {CoreDns} : all", $"{Partner} -> {Frontend} : TCP 8080" }));
    }

    [Test]
    public async Task List_Port53Udp_ListsPairsAllowingIt()
    {
        var result = await Webshop("--port", "53/UDP", "--no-summary");

        Assert.That(Lines(result.Output), Is.EqualTo(new[]
        {
            $"data/postgres -> {CoreDns} : TCP 53; UDP 53",
            $"data/redis -> {CoreDns} : TCP 53; UDP 53",
            $"{CoreDns} -> {CoreDns} (between replicas) : all",
            $"{CoreDns} -> {Ipv4Rest} : all",
            $"{CoreDns} -> {Partner} : all",
            $"{CoreDns} -> {Ipv6} : all",
            $"{Backend} -> {CoreDns} : TCP 53; UDP 53",
            $"{Frontend} -> {CoreDns} : TCP 53; UDP 53",
            $"{Ipv4Rest} -> {CoreDns} : all",
            $"{Partner} -> {CoreDns} : all",
            $"{Ipv6} -> {CoreDns} : all",
        }));
    }

    [Test]
    public async Task List_Namespace_ListsPairsWithinItAndTheOutside()
    {
        var result = await Webshop("--namespace", "shop", "--no-summary");

        Assert.That(Lines(result.Output), Is.EqualTo(new[]
        {
            $"{Backend} -> {Partner} : TCP 443",
            $"{Frontend} -> {Backend} : TCP 8000",
            $"{Ipv4Rest} -> {Frontend} : TCP 8080",
            $"{Partner} -> {Frontend} : TCP 8080",
        }));
    }

    [Test]
    public async Task List_Selector_ListsPairsBetweenMatchingWorkloads()
    {
        var result = await Webshop("--selector", "app in (backend,postgres)", "--no-summary");

        Assert.That(Lines(result.Output), Is.EqualTo(new[] { $"{Backend} -> data/postgres : TCP 5432", $"{Backend} -> {Partner} : TCP 443" }));
    }

    [Test]
    public async Task List_IncludeSelf_ListsEachWorkloadToItself()
    {
        var result = await Webshop("--focus", "shop/frontend", "--direction", "ingress", "--include-self", "--no-summary");

        Assert.That(Lines(result.Output), Is.EqualTo(new[]
        {
            $"{Frontend} -> {Frontend} : all",
            $"{Ipv4Rest} -> {Frontend} : TCP 8080",
            $"{Partner} -> {Frontend} : TCP 8080",
        }));
    }

    [Test]
    public async Task List_SummaryOnly_WritesTheExposureOfTheFocus()
    {
        var result = await Webshop("--summary-only", "--focus", "kube-system/coredns");

        Assert.That(result.ExitCode, Is.Zero, result.Error);
        Assert.That(result.Output, Is.EqualTo($"""
            Open to the whole cluster (every other workload may connect; 5 workloads):
              {CoreDns} : TCP 53; UDP 53
            Open to all namespaces (some workload in every namespace may connect; 3 namespaces hold workloads):
              {CoreDns} : TCP 53; UDP 53
            Open to outside addresses (3 outside subjects):
              {CoreDns} : all, from every outside address
            Not isolated for ingress (every connection in is allowed):
              {CoreDns}
            Not isolated for egress (every connection out is allowed):
              {CoreDns}

            """));
    }

    [Test]
    public async Task List_Json_HasConnectionsAndExposure()
    {
        var result = await Webshop("--format", "json");

        Assert.That(result.ExitCode, Is.Zero, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var exposure = json.RootElement.GetProperty("exposure");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(json.RootElement.GetProperty("schema").GetString(), Is.EqualTo("policycheck/list/v1"));
            Assert.That(exposure.GetProperty("openToOutside").EnumerateArray().Select(e => e.GetProperty("subject").GetString()),
                Is.EqualTo(new[] { "kube-system/coredns", "shop/frontend" }));
            Assert.That(exposure.GetProperty("notIsolated").GetProperty("ingress").EnumerateArray().Select(e => e.GetString()),
                Is.EqualTo(new[] { "kube-system/coredns" }));
        }
    }

    [Test]
    public async Task List_JsonFocus_AnalyzesOnlyTheFocusAgainstEveryCaller()
    {
        var result = await Webshop("--format", "json", "--summary-only", "--focus", "shop/frontend");

        using var json = JsonDocument.Parse(result.Output);
        var exposure = json.RootElement.GetProperty("exposure");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(json.RootElement.TryGetProperty("connections", out _), Is.False);
            Assert.That(exposure.GetProperty("analyzed").GetInt32(), Is.EqualTo(1));
            Assert.That(exposure.GetProperty("workloads").GetInt32(), Is.EqualTo(5));
            Assert.That(exposure.GetProperty("openToCluster").GetArrayLength(), Is.Zero);
            Assert.That(exposure.GetProperty("openToOutside")[0].GetProperty("from").EnumerateArray().Select(f => f.GetProperty("subject").GetString()),
                Is.EqualTo(new[] { Ipv4Rest, Partner }));
            Assert.That(exposure.GetProperty("openToOutside")[0].GetProperty("fromEveryOutsideAddress").GetArrayLength(), Is.Zero,
                "the IPv6 space may not reach it");
        }
    }

    [Test]
    public async Task List_Csv_HasHeaderAndCrlfRecords()
    {
        var result = await Webshop("--format", "csv", "--focus", "shop/backend", "--direction", "ingress");

        Assert.That(result.Output, Is.EqualTo("from,to,allowed,betweenReplicas\r\nshop/frontend,shop/backend,TCP 8000,\r\n"));
    }

    [Test]
    public async Task List_Markdown_HasTable()
    {
        var result = await Webshop("--format", "md", "--focus", "shop/backend", "--direction", "ingress", "--no-summary");

        Assert.That(result.Output, Is.EqualTo("""
            | From | To | Allowed |
            | --- | --- | --- |
            | shop/frontend | shop/backend | TCP 8000 |

            """));
    }

    [Test]
    public async Task List_Output_WritesTheFile()
    {
        var path = Path.Combine(TempFolder.Scratch(), "list.txt");

        var result = await Webshop("--output-file", path, "--focus", "shop/backend", "--direction", "ingress", "--no-summary");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Zero, result.Error);
            Assert.That(result.Output, Is.Empty);
            Assert.That(await File.ReadAllTextAsync(path), Is.EqualTo($"{Frontend} -> {Backend} : TCP 8000\n"));
        }
    }

    [Test]
    [Description("k8s docs: a named port is resolved on the destination pod; b's 'http' is TCP 8080 and only a is admitted.")]
    public async Task List_Stdin_NamedPortFilter()
    {
        var result = await CliRunner.RunWithInputAsync(TestManifests.TwoPods, "list", "-", "--port", "http", "--no-summary");

        Assert.That(result.ExitCode, Is.Zero, result.Error);
        Assert.That(Lines(result.Output), Is.EqualTo(new[] { "x/a -> x/b : TCP 8080" }));
    }

    [Test]
    public async Task List_RejectedPolicy_ExitsIncompleteInput()
    {
        var bad = TestManifests.TwoPods + """

            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: bad, namespace: x}
            spec:
              podSelector: {}
              ingress:
              - ports: [{protocol: tcp, port: 80}]
            """;

        var result = await CliRunner.RunWithInputAsync(bad, "list", "-", "--no-summary");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.IncompleteInput));
            Assert.That(result.Output, Is.Not.Empty, "what was read is still listed");
        }
    }

    [TestCase("shop/")]
    [TestCase("a/b/c")]
    [TestCase("justaname")]
    public async Task List_BadFocus_ExitsUsageErrorNamingTheForms(string focus)
    {
        var result = await Webshop("--focus", focus);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError));
            Assert.That(result.Output, Is.Empty);
            foreach (var form in FormsNamed)
                Assert.That(result.Error.Contains(form, StringComparison.Ordinal), Is.True, result.Error);
            Assert.That(result.Error.Contains("   at ", StringComparison.Ordinal), Is.False, "no stack trace");
        }
    }

    [Test]
    public async Task List_FocusMatchingNothing_ExitsUsageError()
    {
        var result = await Webshop("--focus", "shop/nope");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError));
            Assert.That(result.Error.Contains("'shop/nope' matches no subject", StringComparison.Ordinal), Is.True, result.Error);
            Assert.That(result.Output, Is.Empty);
        }
    }

    [TestCase("--direction", "ingress")]
    [TestCase("--focus", "shop/web", "--direction", "sideways")]
    [TestCase("--format", "xml")]
    [TestCase("--port", "http/TCP")]
    [TestCase("--summary-only", "--no-summary")]
    [TestCase("--summary-only", "--format", "csv")]
    [TestCase("--selector", "app in")]
    [TestCase("--bogus")]
    public async Task List_BadOptions_ExitUsageErrorWithoutStackTrace(params string[] options)
    {
        var result = await Webshop(options);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError));
            Assert.That(result.Error, Does.StartWith("policycheck: "));
            Assert.That(result.Error.Contains("   at ", StringComparison.Ordinal), Is.False, "no stack trace");
            Assert.That(result.Output, Is.Empty);
        }
    }

    [Test]
    public async Task List_DirectionWithoutFocus_SaysWhy()
    {
        var result = await Webshop("--direction", "egress");

        Assert.That(result.Error.Contains("--direction needs --focus", StringComparison.Ordinal), Is.True, result.Error);
    }

    [Test]
    public async Task List_MissingFile_ExitsIncompleteInput()
    {
        var result = await CliRunner.RunAsync("list", Path.Combine(TempFolder.Scratch(), "absent.yaml"));

        Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.IncompleteInput), result.Error);
    }

    [Test]
    public async Task List_Help_IsStable()
    {
        var result = await CliRunner.RunAsync("list", "--help");

        Assert.That(result.ExitCode, Is.Zero);
        Snapshot.Match(result.Output);
    }
}
