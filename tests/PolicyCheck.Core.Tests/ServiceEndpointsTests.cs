using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;
using PolicyCheck.TestKit;
using static PolicyCheck.Core.Tests.ServiceTestData;

namespace PolicyCheck.Core.Tests;

[Parallelizable(ParallelScope.Fixtures)]
public sealed class ServiceEndpointsTests
{
    [Test]
    [Description("k8s docs (Service): the selector picks pods in the service's namespace; hostNetwork pods are endpoints too.")]
    public void Selector_PicksMatchingWorkloadsOfItsNamespaceOnly()
    {
        var cluster = new ManifestBuilder()
            .Workload("shop/web", w => w.Labels(("app", "web"), ("tier", "front")))
            .Workload("shop/web-host", w => w.Labels(("app", "web")).HostNetwork())
            .Workload("shop/api", ("app", "api"))
            .Workload("other/web", ("app", "web"))
            .Build();
        var service = Service("shop/web", selector: [("app", "web")], ports: [Port(80)]);

        var endpoints = ServiceEndpoints.Of(cluster, service);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(endpoints.Source, Is.EqualTo(EndpointsSource.Selector));
            Assert.That(endpoints.Backends.Select(b => b.Id), Is.EqualTo(new[] { "shop/web", "shop/web-host" }));
        }
    }

    [Test]
    [Description("k8s docs (Service): a Service without a selector gets no automatic endpoints; ExternalName has no endpoints.")]
    public void NoSelectorAndExternalName_HaveNoBackends()
    {
        var cluster = new ManifestBuilder().Workload("shop/web", ("app", "web")).Build();

        var manual = ServiceEndpoints.Of(cluster, Service("shop/manual", ports: [Port(80)]));
        var empty = ServiceEndpoints.Of(cluster, Service("shop/empty", selector: [], ports: [Port(80)]));
        var alias = ServiceEndpoints.Of(cluster, Service("shop/db", ServiceType.ExternalName, selector: [("app", "web")], externalName: "my.database.example.com"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That((manual.Source, manual.Backends.Length), Is.EqualTo((EndpointsSource.Manual, 0)));
            Assert.That((empty.Source, empty.Backends.Length), Is.EqualTo((EndpointsSource.Manual, 0)), "the API omits an empty selector map");
            Assert.That((alias.Source, alias.Backends.Length), Is.EqualTo((EndpointsSource.None, 0)));
        }
    }

    [Test]
    [Description("k8s docs (Service): a named targetPort can resolve to different port numbers on different backend pods.")]
    public void NamedTargetPort_ResolvesPerBackend()
    {
        var cluster = new ManifestBuilder()
            .Workload("shop/v1", w => w.Labels(("app", "web")).Port(8080, "http-web-svc"))
            .Workload("shop/v2", w => w.Labels(("app", "web")).Port(9090, "http-web-svc"))
            .Build();
        var port = Port(80, PortValue.Of("http-web-svc"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ServiceEndpoints.ResolveTargetPort(port, cluster.Workloads[0]).Number, Is.EqualTo(8080));
            Assert.That(ServiceEndpoints.ResolveTargetPort(port, cluster.Workloads[1]).Number, Is.EqualTo(9090));
        }
    }

    [Test]
    [Description("k8s API: a named targetPort is matched by container port name and protocol; absent targetPort equals port.")]
    public void TargetPort_WrongProtocolOrMissingName_IsUnresolved()
    {
        var web = new ManifestBuilder().Workload("shop/web", w => w.Labels(("app", "web")).Port(53, "dns", Protocol.Udp)).Build().Workloads[0];

        var tcp = ServiceEndpoints.ResolveTargetPort(Port(53, PortValue.Of("dns")), web);
        var missing = ServiceEndpoints.ResolveTargetPort(Port(80, PortValue.Of("http")), web);
        var defaulted = ServiceEndpoints.ResolveTargetPort(Port(80), web);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tcp.IsResolved, Is.False);
            Assert.That(tcp.Problem, Does.Contain("only for UDP, not TCP"));
            Assert.That(missing.Problem, Is.EqualTo("'shop/web' has no container port named 'http'."));
            Assert.That(defaulted.Number, Is.EqualTo(80));
        }
    }

    [Test]
    [Description("k8s docs (Service): NodePort allocates from 30000-32767 unless given; LoadBalancer too unless allocateLoadBalancerNodePorts is false.")]
    public void NodePorts_PerType()
    {
        var explicitPort = Port(80, nodePort: 30007);
        var open = Port(80);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(NodePorts.Describe(Service("a/np", ServiceType.NodePort), explicitPort), Is.EqualTo("30007"));
            Assert.That(NodePorts.Describe(Service("a/np", ServiceType.NodePort), open), Is.EqualTo("allocated (30000-32767)"));
            Assert.That(NodePorts.Describe(Service("a/lb", ServiceType.LoadBalancer), open), Is.EqualTo("allocated (30000-32767)"));
            Assert.That(NodePorts.Has(Service("a/lb", ServiceType.LoadBalancer, allocateNodePorts: false)), Is.False);
            Assert.That(NodePorts.Describe(Service("a/lb", ServiceType.LoadBalancer, allocateNodePorts: false), open), Is.Null);
            Assert.That(NodePorts.Describe(Service("a/c"), explicitPort), Is.Null);
            Assert.That(NodePorts.IsOutsideDefaultRange(29999), Is.True);
            Assert.That(NodePorts.IsOutsideDefaultRange(30000), Is.False);
            Assert.That(NodePorts.IsOutsideDefaultRange(32767), Is.False);
            Assert.That(NodePorts.IsOutsideDefaultRange(32768), Is.True);
        }
    }
}
