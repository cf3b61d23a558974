using System.Collections.Immutable;
using System.Text.Json;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;
using PolicyCheck.Reporting.Services;

namespace PolicyCheck.Reporting.Tests;

[Parallelizable(ParallelScope.Fixtures)]
public sealed class ServiceWritersTests
{
    /// <summary>web (8080) and web-v2 (9090) behind one named targetPort; only 8080 is admitted; plus an ExternalName.</summary>
    private static ServicesReport Report()
    {
        var cluster = new ManifestBuilder()
            .Workload("shop/web", w => w.Labels(("app", "web")).Port(8080, "http"))
            .Workload("shop/web-v2", w => w.Labels(("app", "web")).Port(9090, "http"))
            .Workload("shop/client", ("app", "client"))
            .Policy("shop/web", p => p.Select(("app", "web")).Ingress(r => r.Pods(("app", "client")).Port(8080)))
            .Build();
        cluster = cluster with
        {
            Services =
            [
                new Service("shop", "web", ServiceType.ClusterIP, null, Labels.Of(("app", "web")),
                    [new ServicePort("http", Protocol.Tcp, 80, PortValue.Of("http"), null, SourceSpan.None)], null, null, null, SourceSpan.None),
                new Service("shop", "db", ServiceType.ExternalName, null, null, [], "db.example.com", null, null, SourceSpan.None),
            ],
        };
        var matrix = Evaluator.Evaluate(cluster);
        var summaries = ServiceSummary.Build(cluster, new ServiceReachability(cluster, matrix));
        return new ServicesReport(summaries, matrix.Subjects, null);
    }

    [Test]
    [Description("k8s docs (Service): a named targetPort can map to different numbers per backend; the writers show each.")]
    public void Text_NamedTargetPortPerBackend_AndPartialReach()
    {
        using var output = new StringWriter();

        ServicesTextWriter.Write(Report(), output);

        var text = output.ToString();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("http 80/TCP → http (8080 on shop/web, 9090 on shop/web-v2)"));
            Assert.That(text, Does.Contain("shop/client (1 of 2 backends)"));
            Assert.That(text, Does.Contain("backends  none (alias for db.example.com)"));
            Assert.That(text, Does.Contain("dns       db.shop.svc.cluster.local"));
        }
    }

    [Test]
    public void Json_ReachedByCarriesCoverageCounts()
    {
        using var output = new StringWriter();

        ServicesJsonWriter.Write(Report(), output);

        using var json = JsonDocument.Parse(output.ToString());
        var web = json.RootElement.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "web");
        var client = web.GetProperty("ports")[0].GetProperty("reachedBy").EnumerateArray().Single(c => c.GetProperty("client").GetString() == "shop/client");
        var db = json.RootElement.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "db");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(client.GetProperty("coverage").GetString(), Is.EqualTo("some"));
            Assert.That((client.GetProperty("reached").GetInt32(), client.GetProperty("endpoints").GetInt32()), Is.EqualTo((1, 2)));
            Assert.That(db.GetProperty("endpoints").GetString(), Is.EqualTo("none"));
            Assert.That(db.GetProperty("srv").GetArrayLength(), Is.Zero, "an ExternalName is a CNAME only");
        }
    }

    [Test]
    public void MatrixTable_SomeCellShowsKOfN()
    {
        var report = Report();
        using var output = new StringWriter();
        var clients = ImmutableArray.Create(Enumerable.Range(0, report.Subjects.Length).Where(i => report.Subjects[i].Id == "shop/client").ToArray());

        ServiceMatrixWriter.WriteTable(report.Services, clients, output);

        var lines = output.ToString().Split('\n');
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines[0], Is.EqualTo("client       shop/web:80/TCP"));
            Assert.That(lines[1], Is.EqualTo("shop/client  1/2"));
        }
    }

    [Test]
    public void Environment_NoLinks_SaysSoAndListsNothing()
    {
        var workload = new ManifestBuilder().Workload("shop/client", ("app", "client")).Build().Workloads[0] with { EnableServiceLinks = false };
        using var output = new StringWriter();

        ServiceEnvironmentWriter.Write(workload, [], output);

        Assert.That(output.ToString(), Does.Contain("enableServiceLinks: false").And.Not.Contain("="));
    }

    [Test]
    public void Environment_Header_NamesTheWorkloadAsTheMatrixLegendDoes()
    {
        var workload = new ManifestBuilder().Workload("shop/client", ("app", "client")).Build().Workloads[0];
        using var output = new StringWriter();

        ServiceEnvironmentWriter.Write(workload, [], output);

        Assert.That(output.ToString().Split('\n')[0].TrimEnd('\r'), Is.EqualTo("# Service variables of shop/client (Deployment)"));
    }
}
