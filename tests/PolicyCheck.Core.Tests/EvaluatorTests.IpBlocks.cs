using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.TestKit;

namespace PolicyCheck.Core.Tests;

public sealed partial class EvaluatorTests
{
    [Test]
    [Description("k8s docs: the example ipBlock 172.17.0.0/16 except 172.17.1.0/24 allows 172.17.0.0–172.17.0.255 and 172.17.2.0–172.17.255.255 on TCP 6379 (" + NetworkPoliciesPage + ", The NetworkPolicy resource).")]
    public void IpBlock_Except_CarvesOutRange()
    {
        var cluster = new ManifestBuilder()
            .Namespace("default")
            .Workload("default/db", ("role", "db"))
            .Policy("default/db", p => p.Select(("role", "db")).Ingress(r => r.IpBlock("172.17.0.0/16", "172.17.1.0/24").Port(6379)))
            .Build();
        var redis = PortSet.Of(Protocol.Tcp, 6379);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "172.17.0.255", "default/db"), Is.EqualTo(redis));
            Assert.That(Allowed(cluster, "172.17.1.0", "default/db"), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "172.17.1.255", "default/db"), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "172.17.2.0", "default/db"), Is.EqualTo(redis));
            Assert.That(Allowed(cluster, "172.17.255.255", "default/db"), Is.EqualTo(redis));
            Assert.That(Allowed(cluster, "172.18.0.0", "default/db"), Is.EqualTo(PortSet.None));
        }
    }

    [Test]
    [Description("docs/semantics.md: whether ipBlock matches pod IPs is up to the plugin; most plugins and the upstream conformance tests do, and PolicyCheck matches pods whose IPs it knows (IpBlockPods = Match, the default).")]
    public void IpBlock_PodWithKnownIpInside_MatchedByDefault()
    {
        var cluster = new ManifestBuilder()
            .Namespace("shop")
            .Workload("shop/db", ("role", "db"))
            .Workload("shop/known", w => w.Ips("10.0.0.5"))
            .Policy("shop/db", p => p.Select(("role", "db")).Ingress(r => r.IpBlock("10.0.0.0/24")))
            .Build();

        Assert.That(Allowed(cluster, "shop/known", "shop/db"), Is.EqualTo(PortSet.All));
    }

    [Test]
    [Description("PolicyCheck: EvaluationOptions.IpBlockPods = Ignore models plugins that apply ipBlocks only to cluster-external addresses (" + NetworkPoliciesPage + ": ipBlocks 'should be cluster-external IPs').")]
    public void IpBlock_IgnoreOption_PodIpsNotMatched()
    {
        var cluster = new ManifestBuilder()
            .Namespace("shop")
            .Workload("shop/db", ("role", "db"))
            .Workload("shop/known", w => w.Ips("10.0.0.5"))
            .Policy("shop/db", p => p.Select(("role", "db")).Ingress(r => r.IpBlock("10.0.0.0/24")))
            .Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/known", "shop/db", IgnorePodIps), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "10.0.0.5", "shop/db", IgnorePodIps), Is.EqualTo(PortSet.All));
        }
    }

    [Test]
    [Description("k8s docs: ipBlock is cidr minus the except ranges; a pod whose IP lies in an except is not matched (" + NetworkPoliciesPage + ").")]
    public void IpBlock_PodIpInsideExcept_NotMatched()
    {
        var cluster = new ManifestBuilder()
            .Namespace("shop")
            .Workload("shop/db", ("role", "db"))
            .Workload("shop/known", w => w.Ips("10.0.0.5"))
            .Policy("shop/db", p => p.Select(("role", "db")).Ingress(r => r.IpBlock("10.0.0.0/16", "10.0.0.0/29")))
            .Build();

        Assert.That(Allowed(cluster, "shop/known", "shop/db"), Is.EqualTo(PortSet.None));
    }

    [Test]
    [Description("docs/semantics.md: PolicyCheck never matches pods without known IPs by an ipBlock, not even 0.0.0.0/0.")]
    public void IpBlock_PodWithoutKnownIp_NeverMatched()
    {
        var cluster = new ManifestBuilder()
            .Namespace("shop")
            .Workload("shop/db", ("role", "db"))
            .Workload("shop/unknown")
            .Policy("shop/db", p => p.Select(("role", "db")).Ingress(r => r.IpBlock("0.0.0.0/0")).Ingress(r => r.IpBlock("::/0")))
            .Build();

        Assert.That(Allowed(cluster, "shop/unknown", "shop/db"), Is.EqualTo(PortSet.None));
    }

    [Test]
    [Description("PolicyCheck: a pod with several known IPs (status.podIPs, dual-stack) is matched when any of them lies in the ipBlock.")]
    public void IpBlock_AnyOfSeveralPodIps_Matches()
    {
        var cluster = new ManifestBuilder()
            .Namespace("shop")
            .Workload("shop/db", ("role", "db"))
            .Workload("shop/dual", w => w.Ips("192.168.0.1", "fd00::5"))
            .Policy("shop/db", p => p.Select(("role", "db")).Ingress(r => r.IpBlock("fd00::/64").Port(5432)))
            .Build();

        Assert.That(Allowed(cluster, "shop/dual", "shop/db"), Is.EqualTo(PortSet.Of(Protocol.Tcp, 5432)));
    }

    [Test]
    [Description("k8s docs: ipBlock selects IP CIDR ranges to allow as egress destinations; a pod with a known IP inside is such a destination (" + NetworkPoliciesPage + ", 'Behavior of to and from selectors').")]
    public void IpBlock_EgressToPodWithKnownIp_Matched()
    {
        var cluster = new ManifestBuilder()
            .Namespace("shop")
            .Workload("shop/app", ("app", "app"))
            .Workload("shop/known", w => w.Ips("10.0.0.5"))
            .Workload("shop/unknown")
            .Policy("shop/app-out", p => p.Select(("app", "app")).Egress(r => r.IpBlock("10.0.0.0/8").Port(443)))
            .Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/app", "shop/known"), Is.EqualTo(PortSet.Of(Protocol.Tcp, 443)));
            Assert.That(Allowed(cluster, "shop/app", "shop/unknown"), Is.EqualTo(PortSet.None));
        }
    }

    [Test]
    [Description("k8s API reference: ipBlock cidr is a valid IP address range in CIDR notation, IPv6 included (\"2001:db8::/64\") (" + ApiReference + ", IPBlock).")]
    public void IpBlock_Ipv6External_MatchedOnlyInside()
    {
        var cluster = new ManifestBuilder()
            .Namespace("shop")
            .Workload("shop/web", ("app", "web"))
            .Policy("shop/web", p => p.Select(("app", "web")).Ingress(r => r.IpBlock("2001:db8::/64", "2001:db8::/112").Port(443)))
            .Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "2001:db8::1:0", "shop/web"), Is.EqualTo(PortSet.Of(Protocol.Tcp, 443)));
            Assert.That(Allowed(cluster, "2001:db8::ffff", "shop/web"), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "2001:db9::1", "shop/web"), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "10.0.0.1", "shop/web"), Is.EqualTo(PortSet.None));
        }
    }
}
