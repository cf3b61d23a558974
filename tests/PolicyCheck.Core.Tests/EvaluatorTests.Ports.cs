using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Tests;

public sealed partial class EvaluatorTests
{
    [Test]
    [Description("k8s API reference: NetworkPolicyPort.protocol: the protocol (TCP, UDP, or SCTP) which traffic must match; if not specified, this field defaults to TCP (" + ApiReference + ").")]
    public void Port_ProtocolAbsent_DefaultsToTcp()
    {
        var cluster = Shop().Policy("shop/web", p => p.Select(("app", "web")).Ingress(r => r.Port(80))).Build();

        Assert.That(Allowed(cluster, "shop/api", "shop/web"), Is.EqualTo(PortSet.Of(Protocol.Tcp, 80)));
    }

    [Test]
    [Description("k8s API reference: NetworkPolicyPort.port: if this field is not provided, this matches all port names and numbers (of the entry's protocol) (" + ApiReference + ").")]
    public void Port_PortAbsent_EveryPortOfThatProtocol()
    {
        var cluster = Shop().Policy("shop/web", p => p.Select(("app", "web")).Ingress(r => r.AnyPort(Protocol.Udp))).Build();

        Assert.That(Allowed(cluster, "shop/api", "shop/web"), Is.EqualTo(PortSet.AllOf(Protocol.Udp)));
    }

    [Test]
    [Description("k8s API reference: if ports is empty or missing, this rule matches all ports (traffic not restricted by port), of every protocol (" + ApiReference + ", NetworkPolicyIngressRule.ports).")]
    public void Ports_AbsentOrEmpty_EveryPortOfEveryProtocol()
    {
        var cluster = Shop()
            .Policy("shop/web", p => p.Select(("app", "web")).Ingress(r => r.Pods(("app", "api"))).Ingress(r => r.Pods(("app", "other")).NoPorts()))
            .Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/api", "shop/web"), Is.EqualTo(PortSet.All));
            Assert.That(Allowed(cluster, "shop/other", "shop/web"), Is.EqualTo(PortSet.All));
        }
    }

    [Test]
    [Description("k8s docs: endPort indicates that the range of ports from port to endPort, inclusive, should be allowed (" + NetworkPoliciesPage + ", 'Targeting a range of ports').")]
    public void Port_EndPort_InclusiveRange()
    {
        var cluster = Shop()
            .Policy("shop/web", p => p.Select(("app", "web")).Ingress(r => r.PortRange(32000, 32768)))
            .Build();

        var allowed = Allowed(cluster, "shop/api", "shop/web");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(allowed, Is.EqualTo(PortSet.Of(Protocol.Tcp, 32000, 32768)));
            Assert.That(allowed.Contains(Protocol.Tcp, 31999), Is.False);
            Assert.That(allowed.Contains(Protocol.Tcp, 32768), Is.True);
            Assert.That(allowed.Contains(Protocol.Tcp, 32769), Is.False);
        }
    }

    [Test]
    [Description("k8s API reference: protocol may be TCP, UDP, or SCTP; a port of one protocol says nothing about the same number on another (" + ApiReference + ").")]
    public void Port_SctpEntry_OnlySctp()
    {
        var cluster = Shop().Policy("shop/web", p => p.Select(("app", "web")).Ingress(r => r.Port(3868, Protocol.Sctp))).Build();

        Assert.That(Allowed(cluster, "shop/api", "shop/web"), Is.EqualTo(PortSet.Of(Protocol.Sctp, 3868)));
    }

    [Test]
    [Description("k8s API reference: ports is a list; traffic matches the rule when it matches at least one entry, so the entries add up (" + ApiReference + ").")]
    public void Ports_SeveralEntries_Union()
    {
        var cluster = Shop()
            .Policy("shop/web", p => p.Select(("app", "web")).Ingress(r => r.Port(53, Protocol.Udp).Port(53, Protocol.Tcp).PortRange(80, 81)))
            .Build();

        var expected = PortSet.Of(Protocol.Tcp, 53).Union(PortSet.Of(Protocol.Tcp, 80, 81)).Union(PortSet.Of(Protocol.Udp, 53));
        Assert.That(Allowed(cluster, "shop/api", "shop/web"), Is.EqualTo(expected));
    }
}
