using System.Net;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;
using PolicyCheck.TestKit;
using static PolicyCheck.Core.Tests.ServiceTestData;

namespace PolicyCheck.Core.Tests;

[Parallelizable(ParallelScope.Fixtures)]
public sealed class ServiceDnsTests
{
    [Test]
    [Description("k8s docs (DNS for Services and Pods): my-svc.my-namespace.svc.cluster.local, and the short forms the search list completes.")]
    public void Names_ShortAndFullyQualified()
    {
        var service = Service("prod/data", selector: [("app", "data")], ports: [Port(80)]);

        Assert.That(ServiceDns.Names(service), Is.EqualTo(new[] { "data", "data.prod", "data.prod.svc", "data.prod.svc.cluster.local" }));
    }

    [Test]
    [Description("k8s docs (DNS for Services and Pods): SRV records _port-name._port-protocol.my-svc.my-namespace.svc.cluster.local for named ports.")]
    public void SrvNames_OnlyForNamedPorts_ProtocolLowerCase()
    {
        var service = Service("kube-system/kube-dns", selector: [("k8s-app", "kube-dns")],
            ports: [Port(53, name: "dns", protocol: Protocol.Udp), Port(53, name: "dns-tcp"), Port(9153)]);

        Assert.That(ServiceDns.SrvNames(service).Select(s => s.Name), Is.EqualTo(new[]
        {
            "_dns._udp.kube-dns.kube-system.svc.cluster.local",
            "_dns-tcp._tcp.kube-dns.kube-system.svc.cluster.local",
        }));
    }

    [Test]
    [Description("k8s docs (StatefulSet, DNS for Services and Pods): pods of a set governed by a headless service are $(podname).$(service).$(namespace).svc.cluster.local; other pods get a name from their IP.")]
    public void Headless_PodNames_StatefulSetByOrdinalOthersByIpOrUnknown()
    {
        var cluster = new ManifestBuilder()
            .Workload("default/web", w => w.Kind(WorkloadKind.StatefulSet).Labels(("app", "nginx")).Replicas(2))
            .Workload("default/extra", w => w.Labels(("app", "nginx")).Ips("10.244.1.7"))
            .Workload("default/other", w => w.Labels(("app", "nginx")))
            .Build();
        cluster = cluster with { Workloads = [cluster.Workloads[0] with { Subdomain = "nginx" }, cluster.Workloads[1], cluster.Workloads[2]] };
        var headless = Service("default/nginx", clusterIp: "None", selector: [("app", "nginx")], ports: [Port(80, name: "web")]);

        var names = ServiceDns.PodNames(ServiceEndpoints.Of(cluster, headless));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(names.Select(n => n.Name), Is.EqualTo(new string?[]
            {
                "web-0.nginx.default.svc.cluster.local",
                "web-1.nginx.default.svc.cluster.local",
                "10-244-1-7.nginx.default.svc.cluster.local",
                null,
            }));
            Assert.That(names[3].Basis, Does.Contain("pod IP"));
            Assert.That(ServiceDns.PodNames(ServiceEndpoints.Of(cluster, headless with { ClusterIp = null })), Is.Empty);
        }
    }

    [Test]
    public void DashedAddress_Ipv6_ReplacesColons() =>
        Assert.That(ServiceDns.DashedAddress(IPAddress.Parse("2001:db8::5")), Is.EqualTo("2001-db8--5"));

    [Test]
    [Description("k8s docs (DNS for Services and Pods): a query without a namespace is limited to the pod's namespace; data.prod reaches prod.")]
    public void Find_ShortNameResolvesInClientNamespace()
    {
        var cluster = Cluster.Empty.With(
            Service("prod/data", selector: [("app", "data")], ports: [Port(5432, name: "postgres")]),
            Service("test/web", selector: [("app", "web")], ports: [Port(80)]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ServiceDns.Find(cluster, "data", "test"), Is.Null);
            Assert.That(ServiceDns.Find(cluster, "data", "prod")?.Service.Name, Is.EqualTo("data"));
            Assert.That(ServiceDns.Find(cluster, "data.prod", "test")?.Service.Namespace, Is.EqualTo("prod"));
            Assert.That(ServiceDns.Find(cluster, "data.prod.svc", "test")?.Service.Name, Is.EqualTo("data"));
            Assert.That(ServiceDns.Find(cluster, "Data.Prod.svc.cluster.local.", "test")?.Service.Name, Is.EqualTo("data"));
            Assert.That(ServiceDns.Find(cluster, "web.prod", "test"), Is.Null);
            Assert.That(ServiceDns.Find(cluster, "data.prod.svc.example.org", "test"), Is.Null);
            Assert.That(ServiceDns.Find(cluster, "_postgres._tcp.data.prod.svc.cluster.local", "test")?.Port?.Port, Is.EqualTo(5432));
            Assert.That(ServiceDns.Find(cluster, "_postgres._udp.data.prod.svc.cluster.local", "test"), Is.Null);
        }
    }

    [Test]
    public void Find_PerPodNameOfHeadlessService()
    {
        var cluster = new ManifestBuilder()
            .Workload("default/web", w => w.Kind(WorkloadKind.StatefulSet).Labels(("app", "nginx")).Replicas(2))
            .Build();
        cluster = cluster with { Workloads = [cluster.Workloads[0] with { Subdomain = "nginx" }] };
        cluster = cluster.With(Service("default/nginx", clusterIp: "None", selector: [("app", "nginx")], ports: [Port(80)]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ServiceDns.Find(cluster, "web-1.nginx.default.svc.cluster.local", "x")?.PodLabel, Is.EqualTo("web-1"));
            Assert.That(ServiceDns.Find(cluster, "web-7.nginx.default.svc.cluster.local", "x"), Is.Null);
        }
    }
}
