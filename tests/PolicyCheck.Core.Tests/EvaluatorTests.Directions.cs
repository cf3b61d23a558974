using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.TestKit;

namespace PolicyCheck.Core.Tests;

public sealed partial class EvaluatorTests
{
    [Test]
    [Description("k8s docs: for a connection from a source pod to a destination pod to be allowed, both the egress policy on the source pod and the ingress policy on the destination pod need to allow it (" + NetworkPoliciesPage + ").")]
    public void Connection_EgressAllowsButIngressDenies_Denied()
    {
        var cluster = Shop()
            .Policy("shop/api-out", p => p.Select(("app", "api")).Types(Direction.Egress).Egress(r => r.Pods(("app", "web"))))
            .Policy("shop/web-in", p => p.Select(("app", "web")).Ingress(r => r.Pods(("app", "other"))))
            .Build();

        Assert.That(Allowed(cluster, "shop/api", "shop/web"), Is.EqualTo(PortSet.None));
    }

    [Test]
    [Description("k8s docs: if either side does not allow the connection, it will not happen (" + NetworkPoliciesPage + ").")]
    public void Connection_IngressAllowsButEgressDenies_Denied()
    {
        var cluster = Shop()
            .Policy("shop/api-out", p => p.Select(("app", "api")).Types(Direction.Egress).Egress(r => r.Pods(("app", "other"))))
            .Policy("shop/web-in", p => p.Select(("app", "web")).Ingress(r => r.Pods(("app", "api"))))
            .Build();

        Assert.That(Allowed(cluster, "shop/api", "shop/web"), Is.EqualTo(PortSet.None));
    }

    [Test]
    [Description("k8s docs: both the source's egress and the destination's ingress must allow the connection, so the allowed ports are those both sides allow (" + NetworkPoliciesPage + ").")]
    public void Connection_BothSidesAllowPortRanges_IntersectionAllowed()
    {
        var cluster = Shop()
            .Policy("shop/api-out", p => p.Select(("app", "api")).Types(Direction.Egress).Egress(r => r.PortRange(8000, 8100)))
            .Policy("shop/web-in", p => p.Select(("app", "web")).Ingress(r => r.PortRange(8050, 9000)))
            .Build();

        Assert.That(Allowed(cluster, "shop/api", "shop/web"), Is.EqualTo(PortSet.Of(Protocol.Tcp, 8050, 8100)));
    }

    [Test]
    [Description("k8s docs: by default pods are non-isolated; pods in the namespace that are not selected by any NetworkPolicy continue to accept all traffic (" + NetworkPoliciesPage + ", 'The two sorts of pod isolation').")]
    public void Isolation_PodNotSelected_AllowsEverything()
    {
        var cluster = Shop().Policy("shop/web-in", p => p.Select(("app", "web")).Ingress(r => r.Pods(("app", "api")))).Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/web", "shop/other"), Is.EqualTo(PortSet.All));
            Assert.That(Allowed(cluster, "shop/other", "shop/api"), Is.EqualTo(PortSet.All));
            Assert.That(Allowed(cluster, "203.0.113.9", "shop/other"), Is.EqualTo(PortSet.All));
        }
    }

    [Test]
    [Description("k8s docs: network policies do not conflict; they are additive: a selected pod is restricted to the union of what the policies that select it allow (" + NetworkPoliciesPage + ").")]
    public void Policies_TwoPoliciesSelectThePod_UnionAllowed()
    {
        var cluster = Shop()
            .Policy("shop/web-http", p => p.Select(("app", "web")).Ingress(r => r.Pods(("app", "api")).Port(80)))
            .Policy("shop/web-https", p => p.Select(("app", "web")).Ingress(r => r.Pods(("app", "api")).Port(443)))
            .Policy("shop/deny-all", p => p.NoIngressRules())
            .Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/api", "shop/web"), Is.EqualTo(PortSet.Of(Protocol.Tcp, 80).Union(PortSet.Of(Protocol.Tcp, 443))));
            Assert.That(Allowed(cluster, "shop/other", "shop/web"), Is.EqualTo(PortSet.None));
        }
    }

    [Test]
    [Description("k8s API reference: traffic is allowed if it matches at least one ingress rule across all of the NetworkPolicy objects whose podSelector matches the pod; rules of one policy are ORed (" + ApiReference + ").")]
    public void Rules_TwoRulesInOnePolicy_EachAllowsItsOwnPeerAndPorts()
    {
        var cluster = Shop()
            .Policy("shop/web-in", p => p
                .Select(("app", "web"))
                .Ingress(r => r.Pods(("app", "api")).Port(80))
                .Ingress(r => r.Pods(("app", "other")).Port(53, Protocol.Udp)))
            .Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/api", "shop/web"), Is.EqualTo(PortSet.Of(Protocol.Tcp, 80)));
            Assert.That(Allowed(cluster, "shop/other", "shop/web"), Is.EqualTo(PortSet.Of(Protocol.Udp, 53)));
        }
    }

    [Test]
    [Description("k8s docs: pods cannot currently block localhost access (" + NetworkPoliciesPage + ", 'What you can't do with network policies'); PolicyCheck: a subject to itself is always allowed.")]
    public void Self_DenyAllBothDirections_StillAllowed()
    {
        var cluster = Shop().Policy("shop/deny-all", p => p.Types(Direction.Ingress, Direction.Egress)).Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/web", "shop/web"), Is.EqualTo(PortSet.All));
            Assert.That(Allowed(cluster, "shop/web", "shop/api"), Is.EqualTo(PortSet.None));
        }
    }

    [Test]
    [Description("PolicyCheck: BetweenReplicas is what one replica may send another; replicas are distinct pods, so the policies govern them like any pair (" + NetworkPoliciesPage + ": only a pod to itself is exempt).")]
    public void Replicas_DenyAll_NothingBetweenReplicas()
    {
        var cluster = new ManifestBuilder()
            .Namespace("shop")
            .Workload("shop/web", w => w.Labels(("app", "web")).Replicas(3))
            .Policy("shop/deny", p => p.NoIngressRules())
            .Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(BetweenReplicas(cluster, "shop/web"), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "shop/web", "shop/web"), Is.EqualTo(PortSet.All));
        }
    }

    [Test]
    [Description("PolicyCheck: replicas are governed like any pair; a rule letting app=web pods reach app=web pods on TCP 7000 lets one replica reach another on exactly that port (" + NetworkPoliciesPage + ").")]
    public void Replicas_PeerRuleMatchesOwnLabels_ThosePortsBetweenReplicas()
    {
        var cluster = new ManifestBuilder()
            .Namespace("shop")
            .Workload("shop/cache", w => w.Labels(("app", "cache")).Replicas(2))
            .Policy("shop/cache-peers", p => p.Select(("app", "cache")).Ingress(r => r.Pods(("app", "cache")).Port(7000)))
            .Build();

        Assert.That(BetweenReplicas(cluster, "shop/cache"), Is.EqualTo(PortSet.Of(Protocol.Tcp, 7000)));
    }

    [Test]
    [Description("PolicyCheck: BetweenReplicas exists for a workload with at least two pods, counted by replicas or by loaded pod names; a single pod has no other replica.")]
    public void Replicas_CountedByReplicasOrPodNames_SinglePodHasNone()
    {
        var cluster = new ManifestBuilder()
            .Namespace("shop")
            .Workload("shop/single")
            .Workload("shop/loaded", w => w.Kind(WorkloadKind.ReplicaSet).PodNames("loaded-a", "loaded-b"))
            .Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(BetweenReplicas(cluster, "shop/single"), Is.Null);
            Assert.That(BetweenReplicas(cluster, "shop/loaded"), Is.EqualTo(PortSet.All));
        }
    }

    [Test]
    [Description("k8s docs: podSelector selects pods in the policy's own namespace; pods with the same labels elsewhere are not isolated (" + NetworkPoliciesPage + ", spec.podSelector).")]
    public void Isolation_PolicyInOtherNamespace_DoesNotSelect()
    {
        var cluster = new ManifestBuilder()
            .Namespace("shop")
            .Namespace("blog")
            .Workload("shop/web", ("app", "web"))
            .Workload("blog/web", ("app", "web"))
            .Policy("shop/deny", p => p.Select(("app", "web")).NoIngressRules())
            .Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/web", "blog/web"), Is.EqualTo(PortSet.All));
            Assert.That(Allowed(cluster, "blog/web", "shop/web"), Is.EqualTo(PortSet.None));
        }
    }
}
