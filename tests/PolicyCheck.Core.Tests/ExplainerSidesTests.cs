using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Explain;
using PolicyCheck.Core.Model;
using PolicyCheck.TestKit;

namespace PolicyCheck.Core.Tests;

/// <summary>
/// Which side denies a flow, and traffic between two pods of one workload. Expected values from the Kubernetes
/// text: "a connection A→B on protocol/port p is allowed iff A's egress allows (B, p) AND B's ingress allows (A, p)";
/// a pod talking to itself is always allowed, but two replicas of a Deployment are two pods, so their traffic is
/// governed like any other pair.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class ExplainerSidesTests
{
    private static ManifestBuilder Two() => new ManifestBuilder()
        .Workload("x/web", ("app", "web"))
        .Workload("x/db", ("app", "db"));

    private static FlowExplanation Explain(Cluster cluster, string from, string to, PortQuery? port = null)
    {
        var matrix = Evaluator.Evaluate(cluster);
        return Explainer.Explain(cluster, matrix.Subjects[matrix.IndexOf(from)], matrix.Subjects[matrix.IndexOf(to)], null, port);
    }

    [Test]
    public void DenyAllIngressOfDestination_DeniedByIngress()
    {
        var cluster = Two().Policy("x/db-deny", p => p.Select(("app", "db")).NoIngressRules()).Build();

        Assert.That(Explain(cluster, "x/web", "x/db").DeniedBy, Is.EqualTo(DeniedBy.Ingress));
    }

    [Test]
    public void DenyAllEgressOfSource_DeniedByEgress()
    {
        var cluster = Two().Policy("x/web-deny", p => p.Select(("app", "web")).Types(Direction.Egress)).Build();

        Assert.That(Explain(cluster, "x/web", "x/db").DeniedBy, Is.EqualTo(DeniedBy.Egress));
    }

    [Test]
    public void BothDenyAll_DeniedByBoth()
    {
        var cluster = Two()
            .Policy("x/web-deny", p => p.Select(("app", "web")).Types(Direction.Egress))
            .Policy("x/db-deny", p => p.Select(("app", "db")).NoIngressRules())
            .Build();

        Assert.That(Explain(cluster, "x/web", "x/db").DeniedBy, Is.EqualTo(DeniedBy.Both));
    }

    [Test]
    [Description("Egress allows only TCP 80, ingress only TCP 443: each side allows something, but nothing both allow.")]
    public void SidesAllowDisjointPorts_DeniedByBoth_ButOnePortByOneSide()
    {
        var cluster = Two()
            .Policy("x/web-out", p => p.Select(("app", "web")).Egress(r => r.Port(80)))
            .Policy("x/db-in", p => p.Select(("app", "db")).Ingress(r => r.Port(443)))
            .Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Explain(cluster, "x/web", "x/db").DeniedBy, Is.EqualTo(DeniedBy.Both));
            Assert.That(Explain(cluster, "x/web", "x/db", PortQuery.Of(80)).DeniedBy, Is.EqualTo(DeniedBy.Ingress));
            Assert.That(Explain(cluster, "x/web", "x/db", PortQuery.Of(443)).DeniedBy, Is.EqualTo(DeniedBy.Egress));
            Assert.That(Explain(cluster, "x/web", "x/db", PortQuery.Of(8080)).DeniedBy, Is.EqualTo(DeniedBy.Both));
        }
    }

    [Test]
    public void Allowed_NoSideDenies()
    {
        var flow = Explain(Two().Build(), "x/web", "x/db");

        Assert.That((flow.Verdict.Allowed, flow.DeniedBy), Is.EqualTo((true, (DeniedBy?)null)));
    }

    [Test]
    [Description("Two replicas of a deny-all-ingress Deployment cannot reach each other; each pod still reaches itself.")]
    public void BetweenReplicas_DenyAllIngress_DeniedAsTheMatrixDiagonal()
    {
        var cluster = new ManifestBuilder()
            .Workload("x/web", w => w.Labels(("app", "web")).Replicas(2))
            .Policy("x/deny", p => p.Select(("app", "web")).NoIngressRules())
            .Build();
        var matrix = Evaluator.Evaluate(cluster);
        var web = matrix.Subjects[matrix.IndexOf("x/web")];

        var between = Explainer.ExplainBetweenReplicas(cluster, web);
        var self = Explainer.Explain(cluster, web, web);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(between.BetweenReplicas, Is.True);
            Assert.That(between.Verdict.Allowed, Is.False);
            Assert.That(between.Allowed, Is.EqualTo(matrix.BetweenReplicas(matrix.IndexOf("x/web"))));
            Assert.That(between.DeniedBy, Is.EqualTo(DeniedBy.Ingress));
            Assert.That(between.Verdict.Reasons[0].Kind, Is.EqualTo(ReasonKind.BetweenReplicas));
            Assert.That(between.Verdict.Reasons[0].Actual, Is.EqualTo("2"));
            Assert.That(self.Verdict.Allowed, Is.True, "a pod to itself is always allowed");
            Assert.That(self.BetweenReplicas, Is.False);
        }
    }

    [Test]
    public void BetweenReplicas_OnePod_IsRejected()
    {
        var cluster = new ManifestBuilder().Workload("x/web", ("app", "web")).Build();
        var matrix = Evaluator.Evaluate(cluster);

        Assert.That(() => Explainer.ExplainBetweenReplicas(cluster, matrix.Subjects[0]), Throws.ArgumentException);
    }
}
