using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Exposure;
using PolicyCheck.Core.Model;
using PolicyCheck.TestKit;

namespace PolicyCheck.Core.Tests;

/// <summary>
/// The exposure terms of <see cref="ExposureAnalysis"/>, each on a minimal cluster whose answer follows from the
/// Kubernetes NetworkPolicy semantics by hand; and the grouped computation checked against the plain definition on
/// random clusters.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class ExposureAnalysisTests
{
    private const string NetworkPoliciesPage = "kubernetes.io/docs/concepts/services-networking/network-policies/";

    private static readonly PortSet Tcp443 = PortSet.Of(Protocol.Tcp, 443);

    /// <summary>Namespaces shop (web, api) and tools (client), no policies.</summary>
    private static ManifestBuilder TwoNamespaces() => new ManifestBuilder()
        .Namespace("shop")
        .Namespace("tools")
        .Workload("shop/web", ("app", "web"))
        .Workload("shop/api", ("app", "api"))
        .Workload("tools/client", ("app", "client"));

    private static SubjectExposure Of(Cluster cluster, string id)
    {
        var matrix = Evaluator.Evaluate(cluster);
        var index = matrix.IndexOf(id);
        Assert.That(index, Is.GreaterThanOrEqualTo(0), $"no subject '{id}'");
        return ExposureAnalysis.Analyze(matrix, [index]).Subjects.Single();
    }

    [Test]
    [Description(NetworkPoliciesPage + ": by default, a pod is non-isolated for ingress and egress; all inbound and outbound connections are allowed.")]
    public void NonIsolatedPod_IsOpenToClusterNamespacesAndEveryOutsideAddress()
    {
        var web = Of(TwoNamespaces().Build(), "shop/web");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(web.OpenToCluster, Is.EqualTo(PortSet.All));
            Assert.That(web.OpenToAllNamespaces, Is.EqualTo(PortSet.All));
            Assert.That(web.OpenToOutside, Is.EqualTo(PortSet.All));
            Assert.That(web.OpenToEveryOutsideAddress, Is.EqualTo(PortSet.All));
            Assert.That(web.OutsideSources, Has.Length.EqualTo(2), "without ipBlocks the outside is one subject per address family");
            Assert.That(web.IngressIsolated, Is.False);
            Assert.That(web.EgressIsolated, Is.False);
        }
    }

    [Test]
    [Description(NetworkPoliciesPage + ": namespaceSelector {} selects all pods in all namespaces; it does not select outside addresses, which only ipBlock or an empty from does.")]
    public void IngressFromEveryNamespaceOn443_IsOpenToAllNamespacesOn443_NotToOutside()
    {
        var cluster = TwoNamespaces()
            .Policy("shop/web-443", p => p.Select(("app", "web")).Ingress(r => r.Namespaces(Selector.All).Port(443)))
            .Build();

        var web = Of(cluster, "shop/web");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(web.OpenToAllNamespaces, Is.EqualTo(Tcp443));
            Assert.That(web.OpenToCluster, Is.EqualTo(Tcp443), "api and client are not egress-isolated, so each of them may");
            Assert.That(web.OpenToOutside, Is.EqualTo(PortSet.None));
            Assert.That(web.OpenToEveryOutsideAddress, Is.EqualTo(PortSet.None));
            Assert.That(web.OutsideSources, Is.Empty);
            Assert.That(web.IngressIsolated, Is.True);
            Assert.That(web.EgressIsolated, Is.False);
        }
    }

    [Test]
    [Description(NetworkPoliciesPage + ": ipBlock selects IP CIDR ranges as sources; 0.0.0.0/0 holds every IPv4 address and no IPv6 one; pods without known IPs are not matched (docs/semantics.md).")]
    public void IngressFromIpBlockAllIpv4_IsOpenToOutside_NotFromEveryAddress_NotToCluster()
    {
        var cluster = TwoNamespaces()
            .Policy("shop/web-internet", p => p.Select(("app", "web")).Ingress(r => r.IpBlock("0.0.0.0/0").Port(8443)))
            .Build();
        var matrix = Evaluator.Evaluate(cluster);
        var web = ExposureAnalysis.Analyze(matrix, [matrix.IndexOf("shop/web")]).Subjects.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(web.OpenToOutside, Is.EqualTo(PortSet.Of(Protocol.Tcp, 8443)));
            Assert.That(web.OutsideSources.Select(s => matrix.Subjects[s.External].Id), Is.EqualTo(new[] { "ext:0.0.0.0/0" }));
            Assert.That(web.OpenToEveryOutsideAddress, Is.EqualTo(PortSet.None), "IPv6 addresses are outside 0.0.0.0/0");
            Assert.That(web.OpenToCluster, Is.EqualTo(PortSet.None));
            Assert.That(web.OpenToAllNamespaces, Is.EqualTo(PortSet.None));
        }
    }

    [Test]
    [Description(NetworkPoliciesPage + ": a connection needs the source's egress and the destination's ingress; one egress-isolated caller is enough to stop 'every workload'.")]
    public void OneCallerEgressIsolated_NotOpenToCluster_StillOpenToAllNamespaces()
    {
        var cluster = TwoNamespaces()
            .Workload("tools/locked", ("app", "locked"))
            .Policy("tools/locked-egress", p => p.Select(("app", "locked")).Types(Direction.Egress))
            .Build();

        var web = Of(cluster, "shop/web");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(web.OpenToCluster, Is.EqualTo(PortSet.None), "tools/locked may send nothing");
            Assert.That(web.OpenToAllNamespaces, Is.EqualTo(PortSet.All), "tools/client still reaches it from namespace tools");
        }
    }

    [Test]
    [Description(NetworkPoliciesPage + ": a podSelector peer alone selects pods in the policy's own namespace only.")]
    public void IngressFromOwnNamespace_IsOpenToNeitherClusterNorAllNamespaces()
    {
        var cluster = TwoNamespaces()
            .Policy("shop/web-local", p => p.Select(("app", "web")).Ingress(r => r.Pods(Selector.All).Port(443)))
            .Build();

        var web = Of(cluster, "shop/web");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(web.OpenToCluster, Is.EqualTo(PortSet.None));
            Assert.That(web.OpenToAllNamespaces, Is.EqualTo(PortSet.None), "nothing in namespace tools may connect");
        }
    }

    [Test]
    [Description("ExposureAnalysis: ports open to all namespaces are those reachable from some workload of each namespace; they need not come from one caller.")]
    public void DifferentCallersPerNamespace_OpenToAllNamespacesIsPerNamespaceUnion()
    {
        var cluster = TwoNamespaces()
            .Workload("tools/other", ("app", "other"))
            .Policy("shop/web-in", p => p.Select(("app", "web"))
                .Ingress(r => r.Pods(("app", "api")).Port(443).Port(80))
                .Ingress(r => r.Namespaces(("kubernetes.io/metadata.name", "tools")).Port(443)))
            .Build();

        var web = Of(cluster, "shop/web");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(web.OpenToAllNamespaces, Is.EqualTo(Tcp443), "shop gives 80 and 443 (api), tools 443 (every pod)");
            Assert.That(web.OpenToCluster, Is.EqualTo(Tcp443));
        }
    }

    [Test]
    [Description("ExposureAnalysis: the target and its own replicas are not 'other workloads'; with none left, nothing is open that way.")]
    public void OnlyWorkload_IsNotOpenToClusterOrNamespaces_ButToOutside()
    {
        var cluster = new ManifestBuilder().Workload("shop/web", w => w.Labels(("app", "web")).Replicas(3)).Build();

        var web = Of(cluster, "shop/web");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(web.OpenToCluster, Is.EqualTo(PortSet.None));
            Assert.That(web.OpenToAllNamespaces, Is.EqualTo(PortSet.None));
            Assert.That(web.OpenToEveryOutsideAddress, Is.EqualTo(PortSet.All));
        }
    }

    [Test]
    [Description(NetworkPoliciesPage + ": by default a pod is non-isolated; with one namespace every caller is in the target's own namespace, which says nothing about other namespaces.")]
    public void OneNamespace_UnisolatedWorkload_OpenToClusterAndOutside_NotToAllNamespaces()
    {
        var cluster = new ManifestBuilder()
            .Namespace("shop")
            .Workload("shop/web", ("app", "web"))
            .Workload("shop/api", ("app", "api"))
            .Workload("shop/worker", ("app", "worker"))
            .Build();

        var web = Of(cluster, "shop/web");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(web.OpenToAllNamespaces, Is.EqualTo(PortSet.None), "no namespace but shop holds a workload");
            Assert.That(web.OpenToCluster, Is.EqualTo(PortSet.All), "api and worker are not egress-isolated");
            Assert.That(web.OpenToOutside, Is.EqualTo(PortSet.All));
            Assert.That(web.OpenToEveryOutsideAddress, Is.EqualTo(PortSet.All));
            Assert.That(web.IngressIsolated || web.EgressIsolated, Is.False);
        }
    }

    [Test]
    [Description(NetworkPoliciesPage + ": a podSelector peer alone selects pods of the policy's own namespace; in a one-namespace input that is every other workload.")]
    public void OneNamespace_ReachableOnlyFromOwnNamespace_NotOpenToAllNamespaces()
    {
        var cluster = new ManifestBuilder()
            .Namespace("shop")
            .Workload("shop/web", ("app", "web"))
            .Workload("shop/api", ("app", "api"))
            .Policy("shop/web-local", p => p.Select(("app", "web")).Ingress(r => r.Pods(Selector.All).Port(443)))
            .Build();

        var web = Of(cluster, "shop/web");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(web.OpenToAllNamespaces, Is.EqualTo(PortSet.None));
            Assert.That(web.OpenToCluster, Is.EqualTo(Tcp443), "api, the only other workload, may connect on 443");
        }
    }

    [Test]
    [Description(NetworkPoliciesPage + ": without policies every pod may connect to every pod; a target alone in its namespace is reached from the one other namespace that holds workloads.")]
    public void AloneInItsNamespace_ReachedFromTheOtherNamespace_IsOpenToAllNamespaces()
    {
        var cluster = new ManifestBuilder()
            .Namespace("shop")
            .Namespace("tools")
            .Workload("shop/web", ("app", "web"))
            .Workload("tools/client", ("app", "client"))
            .Build();

        var web = Of(cluster, "shop/web");

        Assert.That(web.OpenToAllNamespaces, Is.EqualTo(PortSet.All));
    }

    [Test]
    [Description(NetworkPoliciesPage + ": a pod is isolated for a direction when a policy of that type selects it; policyTypes without egress rules still isolates egress.")]
    public void DenyAllBothWays_IsIsolatedAndOpenToNothing()
    {
        var cluster = TwoNamespaces()
            .Policy("shop/deny", p => p.Select(("app", "web")).Types(Direction.Ingress, Direction.Egress))
            .Build();

        var web = Of(cluster, "shop/web");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(web.IngressIsolated, Is.True);
            Assert.That(web.EgressIsolated, Is.True);
            Assert.That(web.OpenToCluster.IsEmpty && web.OpenToAllNamespaces.IsEmpty && web.OpenToOutside.IsEmpty, Is.True);
        }
    }

    [Test]
    public void Analyze_SkipsExternalTargets_KeepsOrderAndCounts()
    {
        var matrix = Evaluator.Evaluate(TwoNamespaces().Build());
        var external = matrix.Subjects.IndexOf(matrix.Subjects.First(s => s.IsExternal));
        var client = matrix.IndexOf("tools/client");
        var web = matrix.IndexOf("shop/web");

        var report = ExposureAnalysis.Analyze(matrix, [client, external, web]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Subjects.Select(s => s.Subject), Is.EqualTo(new[] { client, web }));
            Assert.That(report.Workloads, Is.EqualTo(3));
            Assert.That(report.Namespaces, Is.EqualTo(2));
            Assert.That(report.OutsideSubjects, Is.EqualTo(2), "without ipBlocks: one outside subject per address family");
        }
    }

    [TestCase(ClusterShape.Small, 60)]
    [TestCase(ClusterShape.Wide, 10)]
    public void Analyze_AgreesWithPlainDefinition_OnRandomClusters(ClusterShape shape, int seeds)
    {
        for (var seed = 1; seed <= seeds; seed++)
        {
            var matrix = Evaluator.Evaluate(RandomCluster.Generate(seed, shape));
            var report = ExposureAnalysis.Analyze(matrix);
            foreach (var exposure in report.Subjects)
            {
                var expected = PlainDefinition(matrix, exposure.Subject);
                Assert.That(
                    (exposure.OpenToCluster, exposure.OpenToAllNamespaces, exposure.OpenToOutside, exposure.OpenToEveryOutsideAddress),
                    Is.EqualTo(expected),
                    $"{shape} seed {seed}, subject {matrix.Subjects[exposure.Subject].Id}");
            }
        }
    }

    /// <summary>The definitions with plain loops over every caller.</summary>
    private static (PortSet, PortSet, PortSet, PortSet) PlainDefinition(ReachabilityMatrix matrix, int target)
    {
        var others = Enumerable.Range(0, matrix.Subjects.Length).Where(i => i != target && !matrix.Subjects[i].IsExternal).ToList();
        var externals = Enumerable.Range(0, matrix.Subjects.Length).Where(i => matrix.Subjects[i].IsExternal).ToList();
        var cluster = others.Count == 0 ? PortSet.None : others.Aggregate(PortSet.All, (set, i) => set.Intersect(matrix.Allowed(i, target)));
        var byNamespace = others.GroupBy(i => matrix.Subjects[i].Namespace)
            .Select(g => g.Aggregate(PortSet.None, (set, i) => set.Union(matrix.Allowed(i, target))))
            .ToList();
        // Open to all namespaces needs a caller outside the target's own namespace: from its own alone it is not.
        var elsewhere = others.Any(i => matrix.Subjects[i].Namespace != matrix.Subjects[target].Namespace);
        var namespaces = !elsewhere ? PortSet.None : byNamespace.Aggregate(PortSet.All, (set, s) => set.Intersect(s));
        var outside = externals.Aggregate(PortSet.None, (set, i) => set.Union(matrix.Allowed(i, target)));
        var every = externals.Count == 0 ? PortSet.None : externals.Aggregate(PortSet.All, (set, i) => set.Intersect(matrix.Allowed(i, target)));
        return (cluster, namespaces, outside, every);
    }
}
