using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.TestKit;

namespace PolicyCheck.Core.Tests;

public sealed partial class EvaluatorTests
{
    /// <summary>Two web pods that name different numbers "http"; a client that names "http" a third number.</summary>
    private static ManifestBuilder NamedWeb() => new ManifestBuilder()
        .Namespace("shop")
        .Workload("shop/web-a", w => w.Labels(("app", "web")).Port(8080, "http"))
        .Workload("shop/web-b", w => w.Labels(("app", "web")).Port(9090, "http"))
        .Workload("shop/client", w => w.Labels(("app", "client")).Port(7070, "http"));

    [Test]
    [Description("k8s API reference: port can be a named port on a pod; for an ingress rule it is resolved on the selected (destination) pod, so one rule opens a different number on each pod (" + ApiReference + ", NetworkPolicyPort.port).")]
    public void NamedPort_Ingress_ResolvedPerDestinationPod()
    {
        var cluster = NamedWeb().Policy("shop/web", p => p.Select(("app", "web")).Ingress(r => r.Port("http"))).Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/client", "shop/web-a"), Is.EqualTo(PortSet.Of(Protocol.Tcp, 8080)));
            Assert.That(Allowed(cluster, "shop/client", "shop/web-b"), Is.EqualTo(PortSet.Of(Protocol.Tcp, 9090)));
        }
    }

    [Test]
    [Description("docs/semantics.md: a named port is resolved against the destination pod; for egress rules that is the peer pod, never the selected source.")]
    public void NamedPort_Egress_ResolvedOnPeerPod()
    {
        var cluster = NamedWeb()
            .Policy("shop/client-out", p => p.Select(("app", "client")).Egress(r => r.Pods(("app", "web")).Port("http")))
            .Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/client", "shop/web-a"), Is.EqualTo(PortSet.Of(Protocol.Tcp, 8080)));
            Assert.That(Allowed(cluster, "shop/client", "shop/web-b"), Is.EqualTo(PortSet.Of(Protocol.Tcp, 9090)));
        }
    }

    [Test]
    [Description("docs/semantics.md: a named port needs a container port with that name AND the entry's protocol; {port: dns} means TCP and does not match a UDP port named dns.")]
    public void NamedPort_ProtocolMismatch_NotMatched()
    {
        var cluster = new ManifestBuilder()
            .Namespace("shop")
            .Workload("shop/dns", w => w.Labels(("app", "dns")).Port(53, "dns", Protocol.Udp))
            .Workload("shop/client")
            .Policy("shop/dns", p => p.Select(("app", "dns")).Ingress(r => r.Port("dns")))
            .Build();

        Assert.That(Allowed(cluster, "shop/client", "shop/dns"), Is.EqualTo(PortSet.None));
    }

    [Test]
    [Description("docs/semantics.md: name and protocol must both match, so a name used for a TCP and a UDP port resolves per protocol.")]
    public void NamedPort_SameNameOnTwoProtocols_ResolvedPerProtocol()
    {
        var cluster = new ManifestBuilder()
            .Namespace("shop")
            .Workload("shop/dns", w => w.Labels(("app", "dns")).Port(5353, "dns", Protocol.Udp).Port(53, "dns", Protocol.Tcp))
            .Workload("shop/client")
            .Policy("shop/dns", p => p.Select(("app", "dns")).Ingress(r => r.Port("dns", Protocol.Udp)))
            .Build();

        Assert.That(Allowed(cluster, "shop/client", "shop/dns"), Is.EqualTo(PortSet.Of(Protocol.Udp, 5353)));
    }

    [Test]
    [Description("docs/semantics.md: pods that do not define the name are not matched by that port entry.")]
    public void NamedPort_DestinationWithoutTheName_NotMatched()
    {
        var cluster = new ManifestBuilder()
            .Namespace("shop")
            .Workload("shop/web", w => w.Port(8080, "web"))
            .Workload("shop/client")
            .Policy("shop/in", p => p.Ingress(r => r.Port("http").Port(22)))
            .Build();

        Assert.That(Allowed(cluster, "shop/client", "shop/web"), Is.EqualTo(PortSet.Of(Protocol.Tcp, 22)));
    }

    [Test]
    [Description("docs/semantics.md: external destinations never match a named port (they have no container ports).")]
    public void NamedPort_ExternalDestination_NeverMatches()
    {
        var cluster = NamedWeb()
            .Policy("shop/client-out", p => p.Select(("app", "client")).Egress(r => r.IpBlock("0.0.0.0/0").Port("http").Port(443)))
            .Build();

        Assert.That(Allowed(cluster, "shop/client", "198.51.100.7"), Is.EqualTo(PortSet.Of(Protocol.Tcp, 443)));
    }
}
