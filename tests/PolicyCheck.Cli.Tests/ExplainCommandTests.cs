using System.Text.Json;
using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests;

[Parallelizable(ParallelScope.Fixtures)]
public sealed class ExplainCommandTests
{
    [Test]
    [Description("examples/seed-scenarios: allow-app-access admits only role=frontend; back-end carries role=backend, so nothing reaches my-app from it.")]
    public async Task Explain_SeedScenarios_BackEndDeniedByMissingRole()
    {
        var result = await CliRunner.RunAsync("explain", CliRunner.Example("seed-scenarios"), "--from", "default/back-end", "--to", "default/my-app");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
            Assert.That(result.Output, Does.StartWith("default/back-end -> default/my-app: denied"));
            Assert.That(result.Output, Does.Contain("allow-app-access.yaml:17:13: podSelector needs label 'role=frontend'; the pod has 'role=backend'."));
        }

        Snapshot.Match(result.Output);
    }

    [Test]
    [Description("examples/seed-scenarios: front-end (role=frontend) may open my-app's TCP 9376 by allow-app-access's only rule.")]
    public async Task Explain_SeedScenarios_FrontEndAllowedOnPort()
    {
        var result = await CliRunner.RunAsync(
            "explain", CliRunner.Example("seed-scenarios"), "--from", "default/front-end", "--to", "default/my-app", "--port", "9376/TCP");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
            Assert.That(result.Output, Does.StartWith("default/front-end -> default/my-app: 9376/TCP allowed"));
            Assert.That(result.Output, Does.Contain("allow-app-access.yaml:15:7: ingress rule #1: a peer matches; allows 9376/TCP"));
        }

        Snapshot.Match(result.Output);
    }

    [Test]
    [Description("examples/split-peers: the split peers OR, so invoice-worker gets in through namespaceSelector team=billing on the ledger's grpc port (TCP 9090).")]
    public async Task Explain_SplitPeers_WorkerAllowedByNamespacePeer()
    {
        var result = await CliRunner.RunAsync("explain", CliRunner.Example("split-peers"), "--from", "billing/invoice-worker", "--to", "payments/ledger");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
            Assert.That(result.Output, Does.StartWith("billing/invoice-worker -> payments/ledger: allowed TCP 9090"));
        }

        Snapshot.Match(result.Output);
    }

    [Test]
    [Description("examples/webshop: frontend's egress allows only DNS and the backend, and postgres admits only the backend: both sides deny.")]
    public async Task Explain_Webshop_FrontendToPostgresDeniedBothSides()
    {
        var result = await CliRunner.RunAsync("explain", CliRunner.Example("webshop"), "--from", "shop/frontend", "--to", "data/postgres");

        Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
        Snapshot.Match(result.Output);
    }

    [Test]
    [Description("examples/webshop: an internet address reaches the frontend's TCP 8080 through ipBlock 0.0.0.0/0; only the frontend's ingress decides.")]
    public async Task Explain_Webshop_InternetToFrontendByIpBlock()
    {
        var result = await CliRunner.RunAsync("explain", CliRunner.Example("webshop"), "--from", "198.51.100.7", "--to", "shop/frontend", "--port", "8080/TCP");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
            Assert.That(result.Output, Does.Contain("198.51.100.7 is inside ipBlock 0.0.0.0/0 and outside every except."));
        }

        Snapshot.Match(result.Output);
    }

    [Test]
    [Description("docs/semantics.md: an ipBlock never matches a pod whose IPs are unknown, as for plain manifests.")]
    public async Task Explain_Webshop_CoreDnsToFrontendDeniedWithoutPodIps()
    {
        var result = await CliRunner.RunAsync("explain", CliRunner.Example("webshop"), "--from", "kube-system/coredns", "--to", "shop/frontend");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
            Assert.That(result.Output, Does.Contain("The pod IPs of 'kube-system/coredns' are not known, so ipBlock 0.0.0.0/0 cannot match it."));
        }

        Snapshot.Match(result.Output);
    }

    [Test]
    public async Task Explain_SelectorMatchingTwo_ExplainsEachPairAndSaysSo()
    {
        var result = await CliRunner.RunWithInputAsync(TestManifests.TwoPods, "explain", "-", "--from", "ns=x", "--to", "x/b", "--port", "http");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
            Assert.That(result.Output, Does.StartWith("--from 'ns=x' matches 2 subjects: x/a, x/b\n"));
            Assert.That(result.Output, Does.Contain("x/a -> x/b: http (8080/TCP) allowed"));
            Assert.That(result.Output, Does.Contain("x/b -> x/b: http (8080/TCP) allowed"));
            Assert.That(result.Output, Does.Contain("A pod may always talk to itself"));
        }
    }

    [Test]
    public async Task Explain_Json_HasDocumentedShape()
    {
        var result = await CliRunner.RunWithInputAsync(TestManifests.TwoPods, "explain", "-", "--from", "x/b", "--to", "x/a", "--format", "json");

        Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        var flow = root.GetProperty("flows")[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.GetProperty("schema").GetString(), Is.EqualTo("policycheck/explain/v1"));
            Assert.That(root.GetProperty("from").GetProperty("matched")[0].GetString(), Is.EqualTo("x/b"));
            Assert.That(flow.GetProperty("allowed").GetBoolean(), Is.True);
            Assert.That(flow.GetProperty("allowedPorts").GetString(), Is.EqualTo("all"));
            Assert.That(flow.GetProperty("ingress").GetProperty("status").GetString(), Is.EqualTo("notIsolated"));
            Assert.That(flow.GetProperty("egress").GetProperty("reason").GetProperty("kind").GetString(), Is.EqualTo("notIsolated"));
        }
    }

    [Test]
    public async Task Explain_Markdown_HeadingPerFlow()
    {
        var result = await CliRunner.RunWithInputAsync(TestManifests.TwoPods, "explain", "-", "--from", "x/b", "--to", "x/a", "--format", "md");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
            Assert.That(result.Output, Does.Contain("### x/b -> x/a: allowed all\n"));
            Assert.That(result.Output, Does.Contain("- Egress of x/b: not isolated; allows all\n"));
        }
    }

    [Test]
    public async Task Explain_UnknownSubject_ExitsUsageNamingWhatExists()
    {
        var result = await CliRunner.RunWithInputAsync(TestManifests.TwoPods, "explain", "-", "--from", "x/nope", "--to", "y/b");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError));
            Assert.That(result.Output, Is.Empty);
            Assert.That(result.Error, Does.Contain("--from 'x/nope' matches no subject. Namespace 'x' has: x/a, x/b."));
            Assert.That(result.Error, Does.Contain("--to 'y/b' matches no subject. Namespace 'y' has no workloads; namespaces with workloads: x."));
            Assert.That(result.Error, Does.Not.Contain("   at "), "no stack trace");
        }
    }

    [TestCase("--from", "nonsense", "--to", "x/a")]
    [TestCase("--to", "x/a")]
    [TestCase("--from", "x/a", "--to", "x/b", "--port", "99999")]
    [TestCase("--from", "x/a", "--to", "x/b", "--format", "html")]
    public async Task Explain_BadUsage_ExitsUsageWithoutStackTrace(params string[] args)
    {
        var result = await CliRunner.RunWithInputAsync(TestManifests.TwoPods, ["explain", "-", .. args]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError));
            Assert.That(result.Error, Does.StartWith("policycheck: "));
            Assert.That(result.Error, Does.Not.Contain("   at "), "no stack trace");
        }
    }

    [Test]
    public async Task Explain_InvalidPolicy_ExplainsTheRestAndExitsIncomplete()
    {
        var folder = TempFolder.Scratch();
        await File.WriteAllTextAsync(Path.Combine(folder, "good.yaml"), TestManifests.TwoPods);
        await File.WriteAllTextAsync(Path.Combine(folder, "bad.yaml"), TestManifests.InvalidProtocolPolicy);

        var result = await CliRunner.RunAsync("explain", folder, "--from", "x/b", "--to", "x/a");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.IncompleteInput));
            Assert.That(result.Error, Does.Match(@"bad\.yaml:8:\d+: error PC0\d{3}: "));
            Assert.That(result.Output, Does.StartWith("x/b -> x/a: allowed all"), "the rejected policy is left out, as the API server would");
            Assert.That(result.Error, Does.Not.Contain("   at "), "no stack trace");
        }
    }

    [Test]
    public async Task Explain_Output_WritesFileAndNothingToStdout()
    {
        var path = Path.Combine(TempFolder.Scratch(), "explain.json");

        var result = await CliRunner.RunWithInputAsync(TestManifests.TwoPods, "explain", "-", "--from", "x/a", "--to", "x/b", "--format", "json", "--output-file", path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
            Assert.That(result.Output, Is.Empty);
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            Assert.That(json.RootElement.GetProperty("flows")[0].GetProperty("allowedPorts").GetString(), Is.EqualTo("TCP 8080"));
        }
    }

    [Test]
    public async Task Explain_Piped_NoColour()
    {
        var result = await CliRunner.RunWithInputAsync(TestManifests.TwoPods, "explain", "-", "--from", "x/b", "--to", "x/a");

        Assert.That(result.Output.Contains('\u001b', StringComparison.Ordinal), Is.False);
    }

    [Test]
    public async Task Help_IsStable()
    {
        var result = await CliRunner.RunAsync("explain", "--help");

        Assert.That(result.ExitCode, Is.Zero);
        Snapshot.Match(result.Output);
    }
}
