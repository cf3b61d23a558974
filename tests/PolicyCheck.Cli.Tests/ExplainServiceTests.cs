using System.Text.Json;

namespace PolicyCheck.Cli.Tests;

/// <summary>
/// <c>explain --to-service</c> and <c>matrix --services</c> on the seed scenarios: my-service (port 80 → targetPort
/// 9376) selects app=my-app, and allow-app-access admits only role=frontend pods on TCP 9376. Kubernetes docs
/// (Service, "Virtual IPs and service proxies"): kube-proxy rewrites the destination to a backend pod and its
/// targetPort, so the policy must allow 9376, not 80.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class ExplainServiceTests
{
    private static string Seeds => CliRunner.Example("seed-scenarios");

    [TestCase("default/my-service:80")]
    [TestCase("my-service")]
    [TestCase("my-service.default.svc.cluster.local:80")]
    public async Task ToService_FrontEnd_ReachesTheBackendOnItsTargetPort(string service)
    {
        var result = await CliRunner.RunAsync("explain", Seeds, "--from", "default/front-end", "--to-service", service);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
            Assert.That(result.Output, Does.Contain("-> service default/my-service (ClusterIP, my-service.default.svc.cluster.local) port 80/TCP: reaches all 1 backend(s)"));
            Assert.That(result.Output, Does.Contain("backend default/my-app on 9376/TCP: reached."));
            Assert.That(result.Output, Does.Contain("default/front-end -> default/my-app: 9376/TCP allowed"));
        }
    }

    [Test]
    public async Task ToService_BackEnd_ReachesNoBackend()
    {
        var result = await CliRunner.RunAsync("explain", Seeds, "--from", "default/back-end", "--to-service", "default/my-service");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
            Assert.That(result.Output, Does.Contain("port 80/TCP: reaches none of 1 backend(s)"));
            Assert.That(result.Output, Does.Contain("default/back-end -> default/my-app: 9376/TCP denied"));
        }
    }

    [Test]
    [Description("k8s docs (Service, externalTrafficPolicy): with Cluster, traffic through a NodePort is source-NATed to a node address.")]
    public async Task ToService_OutsideClientThroughNodePort_SaysTheSourceIsNatted()
    {
        var result = await CliRunner.RunAsync("explain", Seeds, "--from", "203.0.113.7", "--to-service", "default/myapp");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
            Assert.That(result.Output, Does.StartWith("203.0.113.7 (ext:0.0.0.0/0) -> service default/myapp (NodePort, "));
            Assert.That(result.Output, Does.Contain("source-NATed to a node address"));
            Assert.That(result.Output, Does.Contain("backend default/front-end on 80/TCP: reached."));
        }
    }

    [Test]
    public async Task ToService_Json_CarriesCoverageAndTargetPort()
    {
        var result = await CliRunner.RunAsync("explain", Seeds, "--from", "default/front-end", "--to-service", "default/my-service:80", "--format", "json");

        using var json = JsonDocument.Parse(result.Output);
        var port = json.RootElement.GetProperty("servicePorts")[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(port.GetProperty("coverage").GetString(), Is.EqualTo("all"));
            Assert.That(port.GetProperty("port").GetInt32(), Is.EqualTo(80));
            Assert.That(port.GetProperty("backends")[0].GetProperty("targetPort").GetInt32(), Is.EqualTo(9376));
            Assert.That(json.RootElement.GetProperty("flows").GetArrayLength(), Is.EqualTo(1));
        }
    }

    [TestCase("default/no-such-service", "No service 'default/no-such-service' in the inputs")]
    [TestCase("default/my-service:8080", "has no port '8080'")]
    public async Task ToService_Unknown_ExitsUsageError(string service, string expected)
    {
        var result = await CliRunner.RunAsync("explain", Seeds, "--from", "default/front-end", "--to-service", service);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError));
            Assert.That(result.Error, Does.Contain(expected));
            Assert.That(result.Error, Does.Not.Contain("   at "));
        }
    }

    [TestCase("--to", "default/my-app", "--to-service", "default/my-service")]
    [TestCase("--port", "80", null, null)]
    public async Task ToService_BadCombination_ExitsUsageError(string option, string value, string? other, string? otherValue)
    {
        string[] args = other is null
            ? ["explain", Seeds, "--from", "default/front-end", option, value]
            : ["explain", Seeds, "--from", "default/front-end", option, value, other, otherValue!];

        var result = await CliRunner.RunAsync(args);

        Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError), result.Output);
        Assert.That(result.Error, Does.Contain("exactly one of --to and --to-service"));
    }

    [Test]
    public async Task MatrixServices_Json_FrontEndReachesMyServiceBackEndDoesNot()
    {
        var result = await CliRunner.RunAsync("matrix", Seeds, "--services", "--format", "json");

        Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
        using var json = JsonDocument.Parse(result.Output);
        string Coverage(string client) => json.RootElement.GetProperty("cells").EnumerateArray()
            .Single(c => c.GetProperty("client").GetString() == client && c.GetProperty("column").GetString() == "default/my-service:80/TCP")
            .GetProperty("coverage").GetString()!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Coverage("default/front-end"), Is.EqualTo("all"));
            Assert.That(Coverage("default/back-end"), Is.EqualTo("none"));
        }
    }
}
