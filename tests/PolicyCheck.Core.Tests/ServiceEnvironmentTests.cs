using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;
using PolicyCheck.TestKit;
using static PolicyCheck.Core.Tests.ServiceTestData;

namespace PolicyCheck.Core.Tests;

[Parallelizable(ParallelScope.Fixtures)]
public sealed class ServiceEnvironmentTests
{
    [Test]
    [Description("k8s docs (Service, environment variables): redis-primary on TCP 6379 with cluster IP 10.0.0.11 produces exactly these.")]
    public void Of_DocsExample_RedisPrimary()
    {
        var service = Service("default/redis-primary", selector: [("app", "redis")], ports: [Port(6379)], clusterIp: "10.0.0.11");

        Assert.That(ServiceEnvironment.Of(service).Select(v => $"{v.Name}={v.Value}"), Is.EquivalentTo(new[]
        {
            "REDIS_PRIMARY_SERVICE_HOST=10.0.0.11",
            "REDIS_PRIMARY_SERVICE_PORT=6379",
            "REDIS_PRIMARY_PORT=tcp://10.0.0.11:6379",
            "REDIS_PRIMARY_PORT_6379_TCP=tcp://10.0.0.11:6379",
            "REDIS_PRIMARY_PORT_6379_TCP_PROTO=tcp",
            "REDIS_PRIMARY_PORT_6379_TCP_PORT=6379",
            "REDIS_PRIMARY_PORT_6379_TCP_ADDR=10.0.0.11",
        }));
    }

    [Test]
    [Description("k8s docs: the service name is upper-cased and dashes become underscores; named ports add _SERVICE_PORT_<NAME>.")]
    public void For_MyService_NamesAndNamedPorts()
    {
        var cluster = new ManifestBuilder().Workload("default/client", ("app", "client")).Build().With(
            Service("default/my-service", selector: [("app", "my-app")], ports: [Port(80, name: "http-web"), Port(443, name: "https")]),
            Service("other/not-mine", selector: [("app", "x")], ports: [Port(80)]));

        var names = ServiceEnvironment.For(cluster, cluster.Workloads[0]).ToDictionary(v => v.Name, v => v.Value);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(names["MY_SERVICE_SERVICE_HOST"], Is.EqualTo(ServiceEnvironment.UnknownClusterIp));
            Assert.That(names["MY_SERVICE_SERVICE_PORT"], Is.EqualTo("80"));
            Assert.That(names["MY_SERVICE_SERVICE_PORT_HTTP_WEB"], Is.EqualTo("80"));
            Assert.That(names["MY_SERVICE_SERVICE_PORT_HTTPS"], Is.EqualTo("443"));
            Assert.That(names["MY_SERVICE_PORT_443_TCP_PORT"], Is.EqualTo("443"));
            Assert.That(names.Keys.Any(k => k.StartsWith("NOT_MINE", StringComparison.Ordinal)), Is.False, "only the pod's namespace");
        }
    }

    [Test]
    [Description("k8s API: enableServiceLinks false; kubelet writes variables only for services with a cluster IP (not headless, not ExternalName).")]
    public void For_NoLinksHeadlessAndExternalName_GetNone()
    {
        var cluster = new ManifestBuilder().Workload("default/client", ("app", "client")).Build().With(
            Service("default/db", clusterIp: "None", selector: [("app", "db")], ports: [Port(5432)]),
            Service("default/ext", ServiceType.ExternalName, externalName: "example.com", ports: [Port(443)]),
            Service("default/web", selector: [("app", "web")], ports: [Port(80)]));
        var client = cluster.Workloads[0];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ServiceEnvironment.For(cluster, client).Select(v => v.Service.Name).Distinct(), Is.EqualTo(new[] { "web" }));
            Assert.That(ServiceEnvironment.For(cluster, client with { EnableServiceLinks = false }), Is.Empty);
        }
    }
}
