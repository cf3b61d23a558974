using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.TestKit;

namespace PolicyCheck.Core.Tests;

public sealed partial class EvaluatorTests
{
    /// <summary>A hostNetwork agent next to a db and a plain client, all in shop.</summary>
    private static ManifestBuilder WithAgent(params string[] agentIps) => new ManifestBuilder()
        .Namespace("shop")
        .Workload("shop/db", ("role", "db"))
        .Workload("shop/client", ("role", "client"))
        .Workload("shop/agent", w => w.Kind(WorkloadKind.DaemonSet).Labels(("role", "agent")).HostNetwork().Ips(agentIps));

    [Test]
    [Description("docs/semantics.md: pods with hostNetwork: true use the node's network, so NetworkPolicy does not govern them: a deny-all policy selecting them isolates neither direction.")]
    public void HostNetwork_SelectedByDenyAll_NotIsolated()
    {
        var cluster = WithAgent().Policy("shop/deny-all", p => p.Types(Direction.Ingress, Direction.Egress)).Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(IsIsolated(cluster, "shop/agent", Direction.Ingress), Is.False);
            Assert.That(IsIsolated(cluster, "shop/agent", Direction.Egress), Is.False);
            Assert.That(Allowed(cluster, "203.0.113.9", "shop/agent"), Is.EqualTo(PortSet.All));
            Assert.That(Allowed(cluster, "shop/agent", "203.0.113.9"), Is.EqualTo(PortSet.All));
            Assert.That(Allowed(cluster, "shop/agent", "shop/db"), Is.EqualTo(PortSet.None));
        }
    }

    [Test]
    [Description("PolicyCheck: a hostNetwork pod's traffic carries the node's address, so pod and namespace selectors never match it as a peer, not even {}.")]
    public void HostNetwork_AsSource_NotMatchedBySelectors()
    {
        var cluster = WithAgent()
            .Policy("shop/db", p => p.Select(("role", "db")).Ingress(r => r.Pods(Selector.All).Namespaces(Selector.All)))
            .Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/agent", "shop/db"), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "shop/client", "shop/db"), Is.EqualTo(PortSet.All));
        }
    }

    [Test]
    [Description("k8s API reference: a rule with no from matches all sources, hostNetwork pods (node addresses) included (" + ApiReference + ").")]
    public void HostNetwork_AsSource_MatchedByAbsentFrom()
    {
        var cluster = WithAgent().Policy("shop/db", p => p.Select(("role", "db")).Ingress(r => r.Port(5432))).Build();

        Assert.That(Allowed(cluster, "shop/agent", "shop/db"), Is.EqualTo(PortSet.Of(Protocol.Tcp, 5432)));
    }

    [Test]
    [Description("PolicyCheck: ipBlocks match a hostNetwork pod only through its known pod IPs (which are node addresses).")]
    public void HostNetwork_WithKnownIp_MatchedByIpBlock()
    {
        var cluster = WithAgent("10.0.0.9").Policy("shop/db", p => p.Select(("role", "db")).Ingress(r => r.IpBlock("10.0.0.0/24"))).Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/agent", "shop/db"), Is.EqualTo(PortSet.All));
            Assert.That(Allowed(cluster, "shop/agent", "shop/db", IgnorePodIps), Is.EqualTo(PortSet.None));
        }
    }
}
