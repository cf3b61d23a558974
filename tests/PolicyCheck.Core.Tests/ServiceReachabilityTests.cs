using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;
using PolicyCheck.TestKit;
using static PolicyCheck.Core.Tests.ServiceTestData;

namespace PolicyCheck.Core.Tests;

[Parallelizable(ParallelScope.Fixtures)]
public sealed class ServiceReachabilityTests
{
    /// <summary>The seed scenarios: my-service 80 → my-app 9376, and a policy admitting only role=frontend on 9376.</summary>
    private static Cluster SeedScenario() => new ManifestBuilder()
        .Workload("default/my-app", w => w.Labels(("app", "my-app")).Port(9376, "http").Replicas(2))
        .Workload("default/front-end", w => w.Labels(("app", "myapp"), ("role", "frontend")).Port(80, "http"))
        .Workload("default/back-end", w => w.Labels(("app", "myapp"), ("role", "backend")).Port(8080, "http"))
        .Policy("default/allow-app-access", p => p.Select(("app", "my-app")).Types(Direction.Ingress)
            .Ingress(r => r.Pods(("role", "frontend")).Port(9376, Protocol.Tcp)))
        .Build()
        .With(Service("default/my-service", selector: [("app", "my-app")], ports: [Port(80, PortValue.Of(9376))]));

    [Test]
    [Description("k8s docs (Network Policies): policies see the pod's targetPort after kube-proxy's DNAT, never the service port.")]
    public void SeedScenario_PolicyAllowsTargetPort_FrontEndReachesServicePort80()
    {
        var cluster = SeedScenario();
        var reach = new ServiceReachability(cluster, Evaluator.Evaluate(cluster));
        var service = cluster.Services[0];

        var front = reach.Reach(Subject(reach.Matrix, "default/front-end"), service, PortValue.Of(80)).Single();
        var back = reach.Reach(Subject(reach.Matrix, "default/back-end"), service, PortValue.Of(80)).Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(front.Coverage, Is.EqualTo(ServiceCoverage.All));
            Assert.That(front.Backends.Single().TargetPort, Is.EqualTo(9376));
            Assert.That(front.Route, Is.EqualTo(ServiceRoute.InCluster));
            Assert.That(back.Coverage, Is.EqualTo(ServiceCoverage.None));
            Assert.That(back.Backends.Single().Reason, Does.Contain("default/my-app's ingress is isolated"));
        }
    }

    [Test]
    [Description("k8s docs (Service): a named targetPort resolves per pod; a policy on one number then admits only some backends.")]
    public void NamedTargetPort_DifferentNumbers_ClientReachesSomeBackends()
    {
        var cluster = new ManifestBuilder()
            .Workload("shop/v1", w => w.Labels(("app", "web"), ("v", "1")).Port(8080, "http"))
            .Workload("shop/v2", w => w.Labels(("app", "web"), ("v", "2")).Port(9090, "http"))
            .Workload("shop/v3", w => w.Labels(("app", "web"), ("v", "3")).Port(8080, "metrics"))
            .Workload("shop/client", ("app", "client"))
            .Policy("shop/web", p => p.Select(("app", "web")).Ingress(r => r.Port(8080)))
            .Build()
            .With(Service("shop/web", selector: [("app", "web")], ports: [Port(80, PortValue.Of("http"), "http")]));
        var reach = new ServiceReachability(cluster, Evaluator.Evaluate(cluster));

        var verdict = reach.Reach(Subject(reach.Matrix, "shop/client"), cluster.Services[0], cluster.Services[0].Ports[0]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(verdict.Backends.Select(b => (b.Backend.Name, b.TargetPort, b.Outcome)), Is.EqualTo(new (string, int?, BackendOutcome)[]
            {
                ("v1", 8080, BackendOutcome.Allowed),
                ("v2", 9090, BackendOutcome.Denied),
                ("v3", null, BackendOutcome.TargetPortUnresolved),
            }));
            Assert.That(verdict.Coverage, Is.EqualTo(ServiceCoverage.Some));
            Assert.That((verdict.Reached, verdict.Endpoints), Is.EqualTo((1, 2)), "v3 is no endpoint of the port");
            Assert.That(verdict.Backends[2].Reason, Does.Contain("has no container port named 'http'"));
        }
    }

    [Test]
    [Description("k8s docs (Service): ExternalName maps to a DNS name with no proxying; a service without selector has manual endpoints.")]
    public void ExternalNameAndManual_NoEndpoints_SaySo()
    {
        var cluster = new ManifestBuilder().Workload("shop/client", ("app", "client")).Build().With(
            Service("shop/db", ServiceType.ExternalName, externalName: "my.database.example.com", ports: [Port(5432)]),
            Service("shop/legacy", ports: [Port(80)]));
        var reach = new ServiceReachability(cluster, Evaluator.Evaluate(cluster));
        var client = Subject(reach.Matrix, "shop/client");

        var alias = reach.Reach(client, cluster.Services[0]).Single();
        var manual = reach.Reach(client, cluster.Services[1]).Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(alias.Coverage, Is.EqualTo(ServiceCoverage.NoEndpoints));
            Assert.That(alias.Note, Does.Contain("my.database.example.com"));
            Assert.That(manual.Coverage, Is.EqualTo(ServiceCoverage.NoEndpoints));
            Assert.That(manual.Note, Does.Contain("no selector"));
        }
    }

    private static Cluster IpBlockOnlyIngress(string? trafficPolicy, ServiceType type = ServiceType.NodePort) => new ManifestBuilder()
        .Workload("shop/web", w => w.Labels(("app", "web")).Port(8080, "http"))
        .Policy("shop/web", p => p.Select(("app", "web")).Ingress(r => r.IpBlock("203.0.113.0/24").Port(8080)))
        .Build()
        .With(Service("shop/web", type, selector: [("app", "web")], ports: [Port(80, PortValue.Of("http"), nodePort: 30080)], externalTrafficPolicy: trafficPolicy));

    [Test]
    [Description("k8s docs (Service, externalTrafficPolicy): Local preserves the client source IP, so an ipBlock rule sees the client.")]
    public void ExternalTrafficPolicyLocal_IpBlockRule_SeesTheClient()
    {
        var cluster = IpBlockOnlyIngress("Local");
        var reach = new ServiceReachability(cluster, Evaluator.Evaluate(cluster));
        var service = cluster.Services[0];

        var inside = reach.Reach(Subject(reach.Matrix, "203.0.113.9"), service).Single();
        var outside = reach.Reach(Subject(reach.Matrix, "198.51.100.1"), service).Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(inside.Route, Is.EqualTo(ServiceRoute.ExternalLocal));
            Assert.That(inside.Coverage, Is.EqualTo(ServiceCoverage.All));
            Assert.That(outside.Coverage, Is.EqualTo(ServiceCoverage.None));
        }
    }

    [Test]
    [Description("k8s docs (Service, externalTrafficPolicy): Cluster (the default) source-NATs to a node, hiding the client IP from an ipBlock rule.")]
    public void ExternalTrafficPolicyCluster_IpBlockRule_DependsOnNodeAddresses()
    {
        var cluster = IpBlockOnlyIngress(null, ServiceType.LoadBalancer);
        var reach = new ServiceReachability(cluster, Evaluator.Evaluate(cluster));

        var verdict = reach.Reach(Subject(reach.Matrix, "203.0.113.9"), cluster.Services[0]).Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(verdict.Route, Is.EqualTo(ServiceRoute.ExternalCluster));
            Assert.That(ServiceTestData.Outcomes(verdict), Is.EqualTo(new[] { BackendOutcome.DependsOnNodeAddresses }));
            Assert.That(verdict.Coverage, Is.EqualTo(ServiceCoverage.None), "not reachable for certain");
            Assert.That(verdict.Uncertain, Is.EqualTo(1));
            Assert.That(verdict.Backends[0].Reason, Does.Contain("node address"));
        }
    }

    [Test]
    [Description("k8s docs (Network Policies): a rule with no 'from' admits every source, node addresses included.")]
    public void ExternalTrafficPolicyCluster_RuleAdmittingEverySource_IsReachable()
    {
        var cluster = new ManifestBuilder()
            .Workload("shop/web", w => w.Labels(("app", "web")).Port(8080, "http"))
            .Workload("shop/db", w => w.Labels(("app", "db")).Port(5432))
            .Policy("shop/web", p => p.Select(("app", "web")).Ingress(r => r.Port("http")))
            .Policy("shop/db", p => p.Select(("app", "db")).Ingress(r => r.Pods(("app", "web"))))
            .Build()
            .With(
                Service("shop/web", ServiceType.NodePort, selector: [("app", "web")], ports: [Port(80, PortValue.Of("http"))]),
                Service("shop/db", ServiceType.NodePort, selector: [("app", "db")], ports: [Port(5432)]),
                Service("shop/internal", selector: [("app", "web")], ports: [Port(80, PortValue.Of("http"))]));
        var reach = new ServiceReachability(cluster, Evaluator.Evaluate(cluster));
        var outside = Subject(reach.Matrix, "198.51.100.1");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reach.Reach(outside, cluster.Services[0]).Single().Coverage, Is.EqualTo(ServiceCoverage.All));
            Assert.That(reach.Reach(outside, cluster.Services[1]).Single().Coverage, Is.EqualTo(ServiceCoverage.None), "a pod selector never matches a node");
            var internalVerdict = reach.Reach(outside, cluster.Services[2]).Single();
            Assert.That((internalVerdict.Route, internalVerdict.Coverage), Is.EqualTo((ServiceRoute.Unreachable, ServiceCoverage.None)));
        }
    }
}
