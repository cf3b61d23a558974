using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;
using PolicyCheck.TestKit;
using static PolicyCheck.Core.Tests.ServiceTestData;

namespace PolicyCheck.Core.Tests;

[Parallelizable(ParallelScope.Fixtures)]
public sealed class ServiceClusterDnsTests
{
    private static ManifestBuilder Shop() => new ManifestBuilder()
        .Namespace("shop")
        .Workload("shop/open", ("app", "open"))
        .Workload("shop/locked", ("app", "locked"))
        .Workload("shop/udp", ("app", "udp"))
        .Policy("shop/locked", p => p.Select(("app", "locked")).NoEgressRules().Types(Direction.Egress))
        .Policy("shop/udp-dns", p => p.Select(("app", "udp"))
            .Egress(r => r.Namespaces((Namespace.NameLabel, "kube-system")).Port(53, Protocol.Udp)));

    [Test]
    [Description("k8s docs (DNS): name resolution goes to kube-dns in kube-system on 53 UDP and TCP; an isolated egress needs a rule for it.")]
    public void Assess_WithoutKubeSystem_AssumesCoreDnsAndSaysSo()
    {
        var assessment = ClusterDns.Assess(Shop().Build());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(assessment.Assumed, Does.Contain("assumed").And.Contain("CoreDNS"));
            Assert.That(assessment.Workloads.Select(w => (w.Workload.Name, w.Summary)), Is.EqualTo(new[]
            {
                ("locked", "neither"),
                ("open", "UDP+TCP"),
                ("udp", "UDP only"),
            }));
        }
    }

    [Test]
    public void Assess_WithKubeSystemInManifests_UsesThemAndTheirTargetPorts()
    {
        var cluster = Shop()
            .Namespace("kube-system")
            .Workload("kube-system/coredns", w => w.Labels(("k8s-app", "kube-dns")).Port(1053, "dns", Protocol.Udp).Port(1053, "dns-tcp"))
            .Build()
            .With(Service("kube-system/kube-dns", selector: [("k8s-app", "kube-dns")], ports:
            [
                Port(53, PortValue.Of("dns"), "dns", Protocol.Udp),
                Port(53, PortValue.Of("dns-tcp"), "dns-tcp"),
            ]));

        var assessment = ClusterDns.Assess(cluster);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(assessment.IsAssumed, Is.False);
            Assert.That(assessment.Workloads.Single(w => w.Workload.Name == "udp").Summary, Is.EqualTo("neither"),
                "the rule allows 53, but CoreDNS listens on 1053 here and policies see the targetPort");
            Assert.That(assessment.Workloads.Single(w => w.Workload.Name == "open").Summary, Is.EqualTo("UDP+TCP"));
            Assert.That(assessment.Workloads.Any(w => w.Workload.Name == "coredns"), Is.True, "the real DNS pods are workloads of the cluster");
        }
    }
}
