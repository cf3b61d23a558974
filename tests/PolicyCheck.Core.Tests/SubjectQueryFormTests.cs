using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.TestKit;

namespace PolicyCheck.Core.Tests;

/// <summary>
/// The subject forms kubectl users type. Expected subjects follow kubectl's rules: a name without namespace is
/// looked up in the namespace given (<c>-n</c>), else <c>default</c>; <c>TYPE/NAME</c> uses the resource's
/// singular, plural or short name (deploy, sts, ds, po, svc, …); a StatefulSet's pods are named
/// <c>&lt;statefulset&gt;-&lt;ordinal&gt;</c> with ordinals 0 to replicas − 1 (k8s docs: StatefulSet, Pod Identity).
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class SubjectQueryFormTests
{
    private static readonly Cluster Cluster = new ManifestBuilder()
        .Workload("default/web", ("app", "web"))
        .Workload("shop/web", w => w.Labels(("app", "web")).Replicas(2))
        .Workload("shop/web", w => w.Kind(WorkloadKind.Pod).Labels(("app", "debug")))
        .Workload("shop/db", w => w.Kind(WorkloadKind.StatefulSet).Labels(("app", "db")).Replicas(3))
        .Workload("shop/agent", w => w.Kind(WorkloadKind.DaemonSet).Labels(("app", "agent")))
        .Workload("shop/migrate", w => w.Kind(WorkloadKind.Job))
        .Workload("shop/nightly", w => w.Kind(WorkloadKind.CronJob))
        .Workload("shop/client", w => w.Kind(WorkloadKind.Pod).Ips("10.244.1.7"))
        .Workload("job/runner")
        .Policy("shop/p", p => p.Select(("app", "db")).Ingress(r => r.IpBlock("10.0.0.0/8")))
        .Build() with
    {
        Services = [new Service("shop", "web", ServiceType.ClusterIP, null, Labels.Of(("app", "web")), [], null, null, null, SourceSpan.None)],
    };

    private static readonly ReachabilityMatrix Matrix = Evaluator.Evaluate(Cluster);

    private static List<string> Ids(string text, string? ns = null)
    {
        Assert.That(SubjectQuery.TryParse(text, out var query, out var error), Is.True, error);
        return [.. query!.Bind(ns, Cluster).Resolve(Matrix).Select(i => Matrix.Subjects[i].Id)];
    }

    [Test]
    public void BareName_LooksInDefault() => Assert.That(Ids("web"), Is.EqualTo(new[] { "default/web" }));

    [Test]
    public void BareName_LooksInTheGivenNamespace() => Assert.That(Ids("db", "shop"), Is.EqualTo(new[] { "shop/db" }));

    [Test]
    public void BareName_NotInDefault_MatchesNothing() => Assert.That(Ids("db"), Is.Empty);

    [TestCase("deploy/web")]
    [TestCase("deployment/web")]
    [TestCase("deployments/web")]
    [TestCase("Deployment/web")]
    [TestCase("deployment.apps/web")]
    [TestCase("shop/deploy/web")]
    public void DeploymentForms_NameTheDeploymentOnly(string text) =>
        Assert.That(Ids(text, "shop"), Is.EqualTo(new[] { "shop/web[Deployment]" }));

    [TestCase("pod/web")]
    [TestCase("po/web")]
    [TestCase("shop/pods/web")]
    public void PodForm_NamesTheBarePod(string text) => Assert.That(Ids(text, "shop"), Is.EqualTo(new[] { "shop/web[Pod]" }));

    [TestCase("sts/db")]
    [TestCase("statefulset/db")]
    [TestCase("pod/db-0")]
    [TestCase("pod/db-2")]
    [TestCase("db-1")]
    [TestCase("shop/db-2")]
    public void StatefulSetAndItsPods_NameTheStatefulSet(string text) => Assert.That(Ids(text, "shop"), Is.EqualTo(new[] { "shop/db" }));

    [TestCase("pod/db-3")]
    [TestCase("pod/db-01")]
    [TestCase("sts/web")]
    public void NoSuchPodOrKind_MatchesNothing(string text) => Assert.That(Ids(text, "shop"), Is.Empty);

    [TestCase("ds/agent", "shop/agent")]
    [TestCase("daemonset/agent", "shop/agent")]
    [TestCase("job/migrate", "shop/migrate")]
    [TestCase("cronjob/nightly", "shop/nightly")]
    [TestCase("cj/nightly", "shop/nightly")]
    public void OtherKinds_NameTheirWorkload(string text, string expected) => Assert.That(Ids(text, "shop"), Is.EqualTo(new[] { expected }));

    [Test]
    [Description("k8s docs: a Service's selector picks the pods of its namespace whose labels hold every pair.")]
    public void ServiceForm_NamesTheWorkloadsItSelects() =>
        Assert.That(Ids("svc/web", "shop"), Is.EqualTo(new[] { "shop/web[Deployment]" }));

    [Test]
    public void KindWordThatIsANamespace_FallsBackToNamespaceAndName() =>
        Assert.That(Ids("job/runner", "shop"), Is.EqualTo(new[] { "job/runner" }));

    [Test]
    public void AddressOfAKnownPod_NamesThePodOnly() => Assert.That(Ids("10.244.1.7"), Is.EqualTo(new[] { "shop/client" }));

    [Test]
    public void AddressOfNoPod_NamesTheOutsideRangeHoldingIt() => Assert.That(Ids("10.244.1.8"), Is.EqualTo(new[] { "ext:10.0.0.0/8" }));

    [Test]
    public void Cidr_NamesPodsInsideAndOverlappingRanges() =>
        Assert.That(Ids("10.244.0.0/16"), Is.EqualTo(new[] { "shop/client", "ext:10.0.0.0/8" }));

    [TestCase("shop/bogus/web")]
    [TestCase("a/b/c/d")]
    [TestCase("/web")]
    public void TryParse_NotAForm_SaysWhatIsExpected(string text)
    {
        Assert.That(SubjectQuery.TryParse(text, out _, out var error), Is.False);
        Assert.That(error, Does.EndWith("."));
    }
}
