using PolicyCheck.Core.Diff;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.TestKit;

namespace PolicyCheck.Core.Tests.Diff;

/// <summary>
/// Small before/after clusters whose flows follow from the Kubernetes docs; each expected change is written by
/// hand as <c>from -> to: before => after</c> (<c>-</c> = nothing allowed).
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class ConnectionDiffTests
{
    private const string NetworkPoliciesPage = "kubernetes.io/docs/concepts/services-networking/network-policies/";
    private const string AllV4 = "ext:0.0.0.0/0";
    private const string AllV6 = "ext:::/0";

    private static ManifestBuilder Shop(int webReplicas = 1) => new ManifestBuilder()
        .Namespace("shop")
        .Workload("shop/api", ("app", "api"))
        .Workload("shop/web", w => w.Labels(("app", "web")).Replicas(webReplicas));

    private static ConnectionDelta Compare(ManifestBuilder before, ManifestBuilder after) =>
        ConnectionDiff.Compare(Evaluator.Evaluate(before.Build()), Evaluator.Evaluate(after.Build()));

    private static string[] Lines(IEnumerable<ConnectionChange> changes) =>
        [.. changes.Select(c => $"{c.From} -> {c.To}: {c.Before?.ToString() ?? "-"} => {c.After?.ToString() ?? "-"}")];

    [Test]
    public void Compare_SameCluster_IsEmpty()
    {
        var delta = Compare(Shop(3), Shop(3));

        Assert.That(delta.IsEmpty, Is.True);
    }

    [Test]
    [Description("k8s docs: 'Default deny all ingress traffic' (podSelector {}, policyTypes [Ingress], no rules) isolates every pod of the namespace for ingress; egress stays open (" + NetworkPoliciesPage + ").")]
    public void Compare_DefaultDenyIngressAdded_RemovesEveryInboundConnection()
    {
        var after = Shop().Policy("shop/default-deny", p => p.Types(Direction.Ingress));

        var delta = Compare(Shop(), after);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Lines(delta.Removed), Is.EqualTo(new[]
            {
                "shop/api -> shop/web: all => -",
                "shop/web -> shop/api: all => -",
                AllV4 + " -> shop/api: all => -",
                AllV4 + " -> shop/web: all => -",
                AllV6 + " -> shop/api: all => -",
                AllV6 + " -> shop/web: all => -",
            }));
            Assert.That(delta.Added, Is.Empty);
            Assert.That(delta.Changed, Is.Empty);
            Assert.That(delta.SubjectsAdded, Is.Empty);
            Assert.That(delta.SubjectsRemoved, Is.Empty);
            Assert.That(delta.IsEmpty, Is.False);
        }
    }

    [Test]
    [Description("k8s docs: an ingress rule allows traffic matching both its from and its ports; port with endPort is a range (" + NetworkPoliciesPage + ", 'Targeting a range of ports').")]
    public void Compare_PortsWidenedAndNarrowed_ReportsGainedAndLostPorts()
    {
        ManifestBuilder Cluster(Action<RuleBuilder> ports) => Shop()
            .Policy("shop/web-in", p => p.Select(("app", "web")).Ingress(r => ports(r.Pods(("app", "api")))));
        var before = Cluster(r => r.PortRange(80, 90).Port(53, Protocol.Udp));
        var after = Cluster(r => r.Port(85).Port(443).Port(53, Protocol.Udp));

        var delta = Compare(before, after);

        var change = delta.Changed.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(change.From, Is.EqualTo("shop/api"));
            Assert.That(change.To, Is.EqualTo("shop/web"));
            Assert.That(change.Before, Is.EqualTo(PortSet.Of(Protocol.Tcp, 80, 90).Union(PortSet.Of(Protocol.Udp, 53))));
            Assert.That(change.After?.ToString(), Is.EqualTo("TCP 85,443; UDP 53"));
            Assert.That(change.Gained, Is.EqualTo(PortSet.Of(Protocol.Tcp, 443)));
            Assert.That(change.Lost.ToString(), Is.EqualTo("TCP 80-84,86-90"));
            Assert.That(change.IsBetweenReplicas, Is.False);
            Assert.That(delta.Added, Is.Empty);
            Assert.That(delta.Removed, Is.Empty);
        }
    }

    [Test]
    [Description("k8s docs: ipBlock 'except' carves addresses out of the cidr; only the carved-out range loses access, although every external range id changes with the partition.")]
    public void Compare_ExceptAdded_ReportsOnlyTheCarvedOutRange()
    {
        var before = Shop().Policy("shop/web-in", p => p.Select(("app", "web")).Ingress(r => r.IpBlock("10.0.0.0/8")));
        var after = Shop().Policy("shop/web-in", p => p.Select(("app", "web")).Ingress(r => r.IpBlock("10.0.0.0/8", "10.1.0.0/16")));

        var delta = Compare(before, after);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Lines(delta.Removed), Is.EqualTo(new[] { "ext:10.1.0.0/16 -> shop/web: all => -" }));
            Assert.That(delta.Added, Is.Empty);
            Assert.That(delta.Changed, Is.Empty);
        }
    }

    [Test]
    [Description("Two external subjects before (two ipBlocks) and one after (a /15 covering both): pieces with the same change merge into one range.")]
    public void Compare_AdjacentRangesWithSameChange_MergeIntoOneRange()
    {
        var before = Shop().Policy("shop/web-in", p => p.Select(("app", "web"))
            .Ingress(r => r.IpBlock("10.0.0.0/16").Port(80))
            .Ingress(r => r.IpBlock("10.1.0.0/16").Port(80)));
        var after = Shop().Policy("shop/web-in", p => p.Select(("app", "web")).Ingress(r => r.IpBlock("10.0.0.0/15").Port(443)));

        var delta = Compare(before, after);

        Assert.That(Lines(delta.All), Is.EqualTo(new[] { "ext:10.0.0.0/15 -> shop/web: TCP 80 => TCP 443" }));
    }

    [Test]
    public void Compare_AdjacentRangesWithDifferentChanges_StaySeparate()
    {
        var before = Shop().Policy("shop/web-in", p => p.Select(("app", "web"))
            .Ingress(r => r.IpBlock("10.0.0.0/16").Port(80))
            .Ingress(r => r.IpBlock("10.1.0.0/16").Port(81)));
        var after = Shop().Policy("shop/web-in", p => p.Select(("app", "web")).Ingress(r => r.IpBlock("10.0.0.0/15").Port(443)));

        var delta = Compare(before, after);

        Assert.That(Lines(delta.All), Is.EqualTo(new[]
        {
            "ext:10.0.0.0/16 -> shop/web: TCP 80 => TCP 443",
            "ext:10.1.0.0/16 -> shop/web: TCP 81 => TCP 443",
        }));
    }

    [Test]
    [Description("k8s docs: egress to an ipBlock with except; dropping the except opens the excepted range only, and IPv6 stays denied because the cidr is IPv4.")]
    public void Compare_EgressExceptDropped_AddsTheFormerlyExceptedRange()
    {
        var before = Shop().Policy("shop/web-out", p => p.Select(("app", "web")).Types(Direction.Egress)
            .Egress(r => r.IpBlock("0.0.0.0/0", "10.0.0.0/8")));
        var after = Shop().Policy("shop/web-out", p => p.Select(("app", "web")).Types(Direction.Egress)
            .Egress(r => r.IpBlock("0.0.0.0/0")));

        var delta = Compare(before, after);

        Assert.That(Lines(delta.All), Is.EqualTo(new[] { "shop/web -> ext:10.0.0.0/8: - => all" }));
    }

    [Test]
    [Description("k8s docs: an egress rule without 'to' matches all destinations; a policy that splits the address space but still allows everything changes nothing.")]
    public void Compare_PartitionChangesButReachabilityDoesNot_IsEmpty()
    {
        var after = Shop().Policy("shop/web-out", p => p.Select(("app", "web")).Types(Direction.Egress)
            .Egress(r => r.IpBlock("10.0.0.0/8").Port(80))
            .Egress());

        var delta = Compare(Shop(), after);

        Assert.That(Lines(delta.All), Is.Empty);
    }

    [Test]
    [Description("k8s docs: pods of one Deployment are separate pods; an ingress policy selecting them governs traffic between them too. The diagonal reports the between-replicas set.")]
    public void Compare_ReplicasIsolated_RemovesBetweenReplicaTraffic()
    {
        var after = Shop(3).Policy("shop/web-in", p => p.Select(("app", "web")).Ingress(r => r.Pods(("app", "api")).Port(8080)));

        var delta = Compare(Shop(3), after);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Lines(delta.Removed), Is.EqualTo(new[]
            {
                "shop/web -> shop/web: all => -",
                AllV4 + " -> shop/web: all => -",
                AllV6 + " -> shop/web: all => -",
            }));
            Assert.That(Lines(delta.Changed), Is.EqualTo(new[] { "shop/api -> shop/web: all => TCP 8080" }));
            Assert.That(delta.Removed[0].IsBetweenReplicas, Is.True);
        }
    }

    [Test]
    [Description("A single pod has no other replica to reach; scaling to three adds the between-replicas connection (no policies: everything allowed).")]
    public void Compare_ScaledFromOneToThree_AddsBetweenReplicaConnection()
    {
        var delta = Compare(Shop(1), Shop(3));

        Assert.That(Lines(delta.All), Is.EqualTo(new[] { "shop/web -> shop/web: - => all" }));
    }

    [Test]
    [Description("k8s docs: without policies a pod is non-isolated both ways, so a new workload can reach and be reached by everything.")]
    public void Compare_WorkloadRenamed_ReportsSubjectsAndTheirConnections()
    {
        var before = new ManifestBuilder().Namespace("shop").Workload("shop/api", ("app", "api")).Workload("shop/old", ("app", "old"));
        var after = new ManifestBuilder().Namespace("shop").Workload("shop/api", ("app", "api")).Workload("shop/new", ("app", "new"));

        var delta = Compare(before, after);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(delta.SubjectsAdded, Is.EqualTo(new[] { "shop/new" }));
            Assert.That(delta.SubjectsRemoved, Is.EqualTo(new[] { "shop/old" }));
            Assert.That(Lines(delta.Added), Is.EqualTo(new[]
            {
                "shop/api -> shop/new: - => all",
                "shop/new -> shop/api: - => all",
                "shop/new -> " + AllV4 + ": - => all",
                "shop/new -> " + AllV6 + ": - => all",
                AllV4 + " -> shop/new: - => all",
                AllV6 + " -> shop/new: - => all",
            }));
            Assert.That(Lines(delta.Removed), Is.EqualTo(new[]
            {
                "shop/api -> shop/old: all => -",
                "shop/old -> shop/api: all => -",
                "shop/old -> " + AllV4 + ": all => -",
                "shop/old -> " + AllV6 + ": all => -",
                AllV4 + " -> shop/old: all => -",
                AllV6 + " -> shop/old: all => -",
            }));
            Assert.That(delta.Changed, Is.Empty);
        }
    }
}
