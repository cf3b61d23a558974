using System.Text.Json;
using PolicyCheck.Cli.Commands;
using PolicyCheck.Core.Engine;
using PolicyCheck.Reporting.Matrix;
using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests;

[Parallelizable(ParallelScope.Fixtures)]
public sealed class ServicesCommandTests
{
    [Test]
    [Description("k8s docs (Network Policies): policies apply after kube-proxy's DNAT: front-end reaches my-service:80 because 9376 is allowed.")]
    public async Task SeedScenarios_Json_FrontEndReachesMyServiceOnTargetPort9376()
    {
        var result = await CliRunner.RunAsync("services", CliRunner.Example("seed-scenarios"), "--format", "json");

        Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var myService = json.RootElement.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "default/my-service");
        var port = myService.GetProperty("ports")[0];
        var clients = port.GetProperty("reachedBy").EnumerateArray().Select(c => c.GetProperty("client").GetString()).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(json.RootElement.GetProperty("schema").GetString(), Is.EqualTo("policycheck/services/v1"));
            Assert.That(myService.GetProperty("type").GetString(), Is.EqualTo("ClusterIP"));
            Assert.That(port.GetProperty("targets")[0].GetProperty("port").GetInt32(), Is.EqualTo(9376));
            Assert.That(clients, Is.EqualTo(new[] { "default/front-end" }), "back-end and my-app are not role=frontend");
            Assert.That(json.RootElement.GetProperty("clusterDns").GetProperty("assumed").GetString(), Does.Contain("assumed"));
        }
    }

    [Test]
    [Description("k8s docs (Service): NodePort myapp on node port 30008; outside clients arrive source-NATed (externalTrafficPolicy Cluster).")]
    public async Task SeedScenarios_Text_IsStable()
    {
        var result = await CliRunner.RunAsync("services", CliRunner.Example("seed-scenarios"));

        Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
        Assert.That(result.Output, Does.Contain("80/TCP → http (80), node port 30008"));
        Snapshot.Match(result.Output);
    }

    [Test]
    [Description("k8s docs: headless postgres gets per-pod names for its StatefulSet pods and SRV names for named ports.")]
    public async Task Webshop_Text_IsStable()
    {
        var result = await CliRunner.RunAsync("services", CliRunner.Example("webshop"));

        Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
        Assert.That(result.Output, Does.Contain("_postgresql._tcp.postgres.data.svc.cluster.local"));
        Snapshot.Match(result.Output);
    }

    [Test]
    public async Task Webshop_Markdown_IsStable()
    {
        var result = await CliRunner.RunAsync("services", CliRunner.Example("webshop"), "--format", "md", "--namespace", "shop");

        Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
        Snapshot.Match(result.Output, "md");
    }

    [Test]
    [Description("k8s docs (Service, environment variables): MY_SERVICE_SERVICE_HOST etc. for services of the pod's namespace.")]
    public async Task Env_FrontEnd_ListsVariablesOfItsNamespace()
    {
        var result = await CliRunner.RunAsync("services", CliRunner.Example("seed-scenarios"), "--env", "default/front-end");

        Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
        var lines = result.Output.Split('\n');
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines, Does.Contain("MY_SERVICE_SERVICE_HOST=<cluster-ip>"));
            Assert.That(lines, Does.Contain("MY_SERVICE_SERVICE_PORT=80"));
            Assert.That(lines, Does.Contain("BACK_END_PORT_80_TCP_PROTO=tcp"));
            Assert.That(lines, Does.Contain("MYAPP_SERVICE_PORT=80"));
            Assert.That(result.Output, Does.Contain("existed when the pod started"));
        }
    }

    [Test]
    public async Task Env_NoServiceLinks_SaysNone()
    {
        const string Yaml = """
            apiVersion: v1
            kind: Pod
            metadata: {name: tool, namespace: x}
            spec: {enableServiceLinks: false, containers: [{name: c, image: busybox}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: x}
            spec: {selector: {app: web}, ports: [{port: 80}]}
            """;

        var result = await CliRunner.RunWithInputAsync(Yaml, "services", "-", "--env", "x/tool");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
            Assert.That(result.Output, Does.Contain("enableServiceLinks: false"));
            Assert.That(result.Output, Does.Not.Contain("WEB_SERVICE_HOST"));
        }
    }

    [Test]
    public async Task ServiceDetail_MyService_GivesReasonsPerBackend()
    {
        var result = await CliRunner.RunAsync("services", CliRunner.Example("seed-scenarios"), "--service", "default/my-service");

        Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Output, Does.Contain("from default/front-end: all"));
            Assert.That(result.Output, Does.Contain("from default/back-end: none"));
            Assert.That(result.Output, Does.Contain("default/my-app :9376 denied:"));
        }
    }

    [TestCase("--service", "default/nope")]
    [TestCase("--env", "default/nope")]
    public async Task UnknownName_IsAUsageError(string option, string value)
    {
        var result = await CliRunner.RunAsync("services", CliRunner.Example("seed-scenarios"), option, value);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError));
            Assert.That(result.Error, Does.Contain("default/nope"));
        }
    }

    [Test]
    public async Task BadId_IsAUsageError()
    {
        var result = await CliRunner.RunAsync("services", CliRunner.Example("seed-scenarios"), "--service", "my-service");

        Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError));
    }

    [TestCase("services", "--help")]
    public async Task Help_IsStable(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);

        Assert.That(result.ExitCode, Is.Zero);
        Snapshot.Match(result.Output);
    }

    private static MatrixRequest MatrixServices(MatrixFormat format) => new()
    {
        Paths = [CliRunner.Example("seed-scenarios")],
        Format = format,
        Plugin = EvaluationOptions.Default,
    };

    [Test]
    [Description("k8s docs: back-end is not role=frontend, so my-app's ingress rule does not admit it on 9376.")]
    public async Task MatrixServices_Table_CellsAllOrNone()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await ServicesMatrixCommandPart.RunAsync(MatrixServices(MatrixFormat.Table), Terminal.Plain(output, error), CancellationToken.None);

        Assert.That(code, Is.EqualTo((int)ExitCode.Ok), error.ToString());
        var rows = output.ToString().Split('\n');
        var header = rows[0].Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var column = Array.IndexOf(header, "default/my-service:80/TCP");
        string Cell(string client) => rows.Single(r => r.StartsWith(client + " ", StringComparison.Ordinal))
            .Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[column];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(column, Is.GreaterThan(0));
            Assert.That(Cell("default/front-end"), Is.EqualTo("all"));
            Assert.That(Cell("default/back-end"), Is.EqualTo("none"));
            Assert.That(Cell("ext:0.0.0.0/0"), Is.EqualTo("none"), "a ClusterIP service has no way in from outside");
        }

        Snapshot.Match(output.ToString());
    }

    [Test]
    public async Task MatrixServices_Json_NodePortReachableFromOutside()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await ServicesMatrixCommandPart.RunAsync(MatrixServices(MatrixFormat.Json), Terminal.Plain(output, error), CancellationToken.None);

        Assert.That(code, Is.EqualTo((int)ExitCode.Ok), error.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        var cell = json.RootElement.GetProperty("cells").EnumerateArray().Single(c =>
            c.GetProperty("client").GetString() == "ext:0.0.0.0/0" && c.GetProperty("column").GetString() == "default/myapp:80/TCP");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(json.RootElement.GetProperty("schema").GetString(), Is.EqualTo("policycheck/service-matrix/v1"));
            Assert.That(cell.GetProperty("coverage").GetString(), Is.EqualTo("all"), "front-end's ingress is not isolated");
        }
    }

    [Test]
    public async Task MatrixServices_UnsupportedFormat_IsAUsageError()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await ServicesMatrixCommandPart.RunAsync(MatrixServices(MatrixFormat.Csv), Terminal.Plain(output, error), CancellationToken.None);

        Assert.That(code, Is.EqualTo((int)ExitCode.UsageError));
    }
}
