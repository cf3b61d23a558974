using System.Net;
using PolicyCheck.Core.Diff;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Explain;
using PolicyCheck.Core.Model;
using PolicyCheck.Reporting.Diff;
using PolicyCheck.Reporting.Explain;
using PolicyCheck.Reporting.List;

namespace PolicyCheck.Reporting.Tests;

/// <summary>
/// One vocabulary in every command: subjects by the id the matrix uses, <c>-&gt;</c> between source and destination,
/// <c>NAME -&gt; NAME (between replicas)</c> for one pod of a workload to another, rules numbered from 1 in prose, and
/// the side that denies a flow named in its summary line. Expected lines are written out by hand.
/// </summary>
public sealed class VocabularyTests
{
    private static string Write(Action<TextWriter> write)
    {
        using var output = new StringWriter { NewLine = "\n" };
        write(output);
        return output.ToString();
    }

    private static string Explain(Cluster cluster, string from, string to, PortQuery? port = null)
    {
        var matrix = Evaluator.Evaluate(cluster);
        var (source, destination) = (matrix.Subjects[matrix.IndexOf(from)], matrix.Subjects[matrix.IndexOf(to)]);
        var flow = from == to
            ? Explainer.ExplainBetweenReplicas(cluster, source, port: port)
            : Explainer.Explain(cluster, source, destination, port: port);
        return Write(o => ExplainWriters.Create(ExplainFormat.Text).Write(new ExplainReport(from, [source], to, [destination], port, [flow]), o));
    }

    [Test]
    public void List_Text_UsesArrowAndMatrixIds()
    {
        var text = Write(o => ListWriters.Create(ListFormat.Text).Write(ListReport.ForAll(SampleMatrix.Shop()), o));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.StartWith("shop/frontend -> shop/db : TCP 5432\n"));
            Assert.That(text, Does.Contain("\nshop/db -> shop/db (between replicas) : TCP 5432\n"));
            Assert.That(text, Does.Contain("\next:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255 -> shop/frontend : TCP 8080\n"));
            Assert.That(text, Does.Not.Contain("=>"));
            Assert.That(text, Does.Not.Contain("[Deployment]"));
        }
    }

    [Test]
    public void Diff_BetweenReplicas_ReadsAsTheList()
    {
        var change = new ConnectionChange("shop/db", "shop/db", SampleMatrix.Tcp(5432), null);

        Assert.That(DiffReport.Pair(change), Is.EqualTo("shop/db -> shop/db (between replicas)"));
    }

    [Test]
    [Description("k8s docs: ingress: [] with policyTypes implied selects the pod for ingress and allows nothing in.")]
    public void Explain_DeniedByIngress_SaysSoInTheSummaryLine()
    {
        var cluster = new ManifestBuilder()
            .Workload("shop/web", ("app", "web"))
            .Workload("shop/db", ("app", "db"))
            .Policy("shop/db-deny", p => p.Select(("app", "db")).NoIngressRules())
            .Build();

        Assert.That(Explain(cluster, "shop/web", "shop/db"), Does.StartWith("shop/web -> shop/db: denied by the ingress of shop/db (nothing is allowed)\n"));
    }

    [Test]
    public void Explain_PortDeniedByBothSides_SaysBoth()
    {
        var cluster = new ManifestBuilder()
            .Workload("shop/web", ("app", "web"))
            .Workload("shop/db", ("app", "db"))
            .Policy("shop/web-out", p => p.Select(("app", "web")).Egress(r => r.Port(443)))
            .Policy("shop/db-in", p => p.Select(("app", "db")).Ingress(r => r.Port(5432)))
            .Build();

        Assert.That(Explain(cluster, "shop/web", "shop/db", PortQuery.Of(80)),
            Does.StartWith("shop/web -> shop/db: 80/TCP denied by both the egress of shop/web and the ingress of shop/db\n"));
    }

    [Test]
    public void Explain_BetweenReplicas_NamesThePairAndRulesFromOne()
    {
        var cluster = new ManifestBuilder()
            .Workload("shop/web", w => w.Labels(("app", "web")).Replicas(3))
            .Policy("shop/web-in", p => p.Select(("app", "web")).Ingress(r => r.Pods(("app", "api"))).Ingress(r => r.Pods(("app", "web")).Port(8080)))
            .Build();

        var text = Explain(cluster, "shop/web", "shop/web");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.StartWith("shop/web -> shop/web (between replicas): allowed TCP 8080\n"));
            Assert.That(text, Does.Contain("Both ends are the same workload, which has 3 pods"));
            Assert.That(text, Does.Contain("ingress rule #1: no peer matches"));
            Assert.That(text, Does.Contain("ingress rule #2: a peer matches"));
            Assert.That(text, Does.Not.Contain("rule #0"));
        }
    }

    [Test]
    public void Explain_AddressInSecondRange_NamesThatRange()
    {
        var cluster = new ManifestBuilder()
            .Workload("shop/web", ("app", "web"))
            .Policy("shop/web-in", p => p.Select(("app", "web")).Ingress(r => r.IpBlock("10.0.0.0/8")))
            .Build();
        var matrix = Evaluator.Evaluate(cluster);
        Assert.That(SubjectQuery.TryParse("172.17.1.5", out var query, out _), Is.True);
        var source = matrix.Subjects[query!.Resolve(matrix).Single()];
        var destination = matrix.Subjects[matrix.IndexOf("shop/web")];
        var flow = Explainer.Explain(cluster, source, destination, fromAddress: query.Address);

        var text = Write(o => ExplainWriters.Create(ExplainFormat.Text).Write(new ExplainReport("172.17.1.5", [source], "shop/web", [destination], null, [flow]), o));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(flow.FromAddress, Is.EqualTo(IPAddress.Parse("172.17.1.5")));
            Assert.That(text, Does.StartWith(
                "172.17.1.5 (in 11.0.0.0-255.255.255.255 of ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255) -> shop/web: denied by the ingress of shop/web (nothing is allowed)\n"));
            Assert.That(text, Does.Not.Contain("(ext:0.0.0.0-9.255.255.255)"));
        }
    }
}
