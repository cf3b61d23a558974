using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.TestKit;

namespace PolicyCheck.Core.Tests;

public sealed partial class EvaluatorTests
{
    [Test]
    [Description("PolicyCheck: from an external address to a pod, only the pod's ingress decides (an outside host has no egress policy).")]
    public void External_ToPod_OnlyIngressDecides()
    {
        var cluster = Shop()
            .Policy("shop/web", p => p.Select(("app", "web")).Ingress(r => r.IpBlock("203.0.113.0/24").Port(443)))
            .Policy("shop/deny-egress", p => p.Types(Direction.Egress))
            .Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "203.0.113.9", "shop/web"), Is.EqualTo(PortSet.Of(Protocol.Tcp, 443)));
            Assert.That(Allowed(cluster, "198.51.100.1", "shop/web"), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "198.51.100.1", "shop/api"), Is.EqualTo(PortSet.All));
        }
    }

    [Test]
    [Description("PolicyCheck: from a pod to an external address, only the pod's egress decides (an outside host has no ingress policy).")]
    public void Pod_ToExternal_OnlyEgressDecides()
    {
        var cluster = Shop()
            .Policy("shop/web-out", p => p.Select(("app", "web")).Egress(r => r.IpBlock("0.0.0.0/0", "10.0.0.0/8").Port(443)))
            .Policy("shop/deny-ingress", p => p.NoIngressRules())
            .Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/web", "203.0.113.9"), Is.EqualTo(PortSet.Of(Protocol.Tcp, 443)));
            Assert.That(Allowed(cluster, "shop/web", "10.1.2.3"), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "shop/web", "2001:db8::1"), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "shop/api", "2001:db8::1"), Is.EqualTo(PortSet.All));
        }
    }

    [Test]
    [Description("k8s docs: an ipBlock is the only peer that names cluster-external addresses; pod and namespace selectors select pods, so even {} selectors never match an outside address (" + NetworkPoliciesPage + ", 'Behavior of to and from selectors').")]
    public void External_SelectorPeers_NeverMatch()
    {
        var cluster = Shop()
            .Policy("shop/web", p => p.Select(("app", "web")).Ingress(r => r.Pods(Selector.All).Namespaces(Selector.All).PodsInNamespaces(Selector.All, Selector.All)))
            .Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "203.0.113.9", "shop/web"), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "shop/api", "shop/web"), Is.EqualTo(PortSet.All));
        }
    }

    [Test]
    [Description("PolicyCheck: traffic between two outside addresses is not the cluster's to allow, so external subjects reach nothing external, themselves included.")]
    public void External_ToExternal_Nothing()
    {
        var cluster = Shop().Policy("shop/web", p => p.Ingress(r => r.IpBlock("203.0.113.0/24"))).Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "203.0.113.9", "198.51.100.1"), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "203.0.113.9", "203.0.113.10"), Is.EqualTo(PortSet.None));
        }
    }

    [Test]
    [Description("PolicyCheck: the address spaces are cut at every ipBlock cidr/except boundary and the pieces grouped by which ipBlocks contain them, one external subject per group and address family.")]
    public void External_Subjects_CutAtBoundariesAndGroupedByMatchingIpBlocks()
    {
        var cluster = Shop().Policy("shop/web", p => p.Ingress(r => r.IpBlock("10.0.0.0/8", "10.1.0.0/16"))).Build();

        var subjects = Evaluator.Evaluate(cluster).Subjects
            .Where(s => s.IsExternal)
            .Select(s => string.Join(", ", s.Ranges))
            .ToList();

        string[] expected =
        [
            "10.0.0.0-10.0.255.255, 10.2.0.0-10.255.255.255",
            "0.0.0.0-9.255.255.255, 10.1.0.0-10.1.255.255, 11.0.0.0-255.255.255.255",
            "::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
        ];
        Assert.That(subjects, Is.EquivalentTo(expected));
    }

    [Test]
    [Description("k8s docs: rules of a direction a policy does not apply to are ignored (" + NetworkPoliciesPage + ", policyTypes), so their ipBlocks do not cut the external space: one subject covers each address family.")]
    public void External_IpBlockOfIgnoredDirection_DoesNotCut()
    {
        var cluster = Shop()
            .Policy("shop/web", p => p.Types(Direction.Ingress).Ingress().Egress(r => r.IpBlock("10.0.0.0/8")))
            .Build();

        var subjects = Evaluator.Evaluate(cluster).Subjects
            .Where(s => s.IsExternal)
            .Select(s => string.Join(", ", s.Ranges))
            .ToList();

        string[] expected = ["0.0.0.0-255.255.255.255", "::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"];
        Assert.That(subjects, Is.EqualTo(expected));
    }
}
