using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.TestKit;

namespace PolicyCheck.Core.Tests;

public sealed partial class EvaluatorTests
{
    /// <summary>shop/db is guarded; clients live in shop and in the namespaces team-a (user=alice) and team-b.</summary>
    private static ManifestBuilder Teams() => new ManifestBuilder()
        .Namespace("shop")
        .Namespace("team-a", ("user", "alice"))
        .Namespace("team-b", ("user", "bob"))
        .Workload("shop/db", ("role", "db"))
        .Workload("shop/client", ("role", "client"))
        .Workload("shop/other", ("role", "other"))
        .Workload("team-a/client", ("role", "client"))
        .Workload("team-a/other", ("role", "other"))
        .Workload("team-b/client", ("role", "client"));

    [Test]
    [Description("k8s docs: podSelector selects particular Pods in the same namespace as the NetworkPolicy (" + NetworkPoliciesPage + ", 'Behavior of to and from selectors').")]
    public void Peer_PodSelectorAlone_OnlyPolicyNamespace()
    {
        var cluster = Teams().Policy("shop/db", p => p.Select(("role", "db")).Ingress(r => r.Pods(("role", "client")))).Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/client", "shop/db"), Is.EqualTo(PortSet.All));
            Assert.That(Allowed(cluster, "team-a/client", "shop/db"), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "shop/other", "shop/db"), Is.EqualTo(PortSet.None));
        }
    }

    [Test]
    [Description("k8s docs: namespaceSelector selects particular namespaces for which all Pods should be allowed (" + NetworkPoliciesPage + ", 'Behavior of to and from selectors').")]
    public void Peer_NamespaceSelectorAlone_AllPodsOfMatchingNamespaces()
    {
        var cluster = Teams().Policy("shop/db", p => p.Select(("role", "db")).Ingress(r => r.Namespaces(("user", "alice")))).Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "team-a/client", "shop/db"), Is.EqualTo(PortSet.All));
            Assert.That(Allowed(cluster, "team-a/other", "shop/db"), Is.EqualTo(PortSet.All));
            Assert.That(Allowed(cluster, "team-b/client", "shop/db"), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "shop/client", "shop/db"), Is.EqualTo(PortSet.None));
        }
    }

    [Test]
    [Description("k8s docs: a single from element with namespaceSelector user=alice and podSelector role=client allows Pods with role=client in namespaces with user=alice (" + NetworkPoliciesPage + ", 'Behavior of to and from selectors').")]
    public void Peer_BothSelectorsInOneEntry_BothMustMatch()
    {
        var cluster = Teams()
            .Policy("shop/db", p => p.Select(("role", "db")).Ingress(r => r.PodsInNamespaces(Selector.MatchLabels(("user", "alice")), Selector.MatchLabels(("role", "client")))))
            .Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "team-a/client", "shop/db"), Is.EqualTo(PortSet.All));
            Assert.That(Allowed(cluster, "team-a/other", "shop/db"), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "team-b/client", "shop/db"), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "shop/client", "shop/db"), Is.EqualTo(PortSet.None));
        }
    }

    [Test]
    [Description("k8s docs: two elements in the from array allow Pods in the local Namespace with role=client, OR any Pod in any namespace with user=alice (" + NetworkPoliciesPage + ", 'Behavior of to and from selectors').")]
    public void Peer_SelectorsAsSeparateEntries_EitherMatches()
    {
        var cluster = Teams()
            .Policy("shop/db", p => p.Select(("role", "db")).Ingress(r => r.Namespaces(("user", "alice")).Pods(("role", "client"))))
            .Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "team-a/client", "shop/db"), Is.EqualTo(PortSet.All));
            Assert.That(Allowed(cluster, "team-a/other", "shop/db"), Is.EqualTo(PortSet.All));
            Assert.That(Allowed(cluster, "shop/client", "shop/db"), Is.EqualTo(PortSet.All));
            Assert.That(Allowed(cluster, "team-b/client", "shop/db"), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "shop/other", "shop/db"), Is.EqualTo(PortSet.None));
        }
    }

    [Test]
    [Description("k8s: namespaceSelector {} is an empty label selector, which matches every namespace, so the peer is every pod of the cluster (" + LabelsPage + "; " + NetworkPoliciesPage + ").")]
    public void Peer_EmptyNamespaceSelector_EveryNamespace()
    {
        var cluster = Teams().Policy("shop/db", p => p.Select(("role", "db")).Ingress(r => r.Namespaces(Selector.All))).Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "team-b/client", "shop/db"), Is.EqualTo(PortSet.All));
            Assert.That(Allowed(cluster, "shop/other", "shop/db"), Is.EqualTo(PortSet.All));
            Assert.That(Allowed(cluster, "203.0.113.9", "shop/db"), Is.EqualTo(PortSet.None));
        }
    }

    [Test]
    [Description("k8s docs: podSelector {} in a peer selects every pod in the policy's namespace, and only there (" + NetworkPoliciesPage + ", 'Behavior of to and from selectors').")]
    public void Peer_EmptyPodSelector_EveryPodOfPolicyNamespace()
    {
        var cluster = Teams().Policy("shop/db", p => p.Select(("role", "db")).Ingress(r => r.Pods(Selector.All))).Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/other", "shop/db"), Is.EqualTo(PortSet.All));
            Assert.That(Allowed(cluster, "team-a/client", "shop/db"), Is.EqualTo(PortSet.None));
        }
    }

    [Test]
    [Description("k8s API reference: if from is empty or missing, the rule matches all sources (traffic not restricted by source), cluster-external ones included (" + ApiReference + ", NetworkPolicyIngressRule.from).")]
    public void Rule_FromAbsent_MatchesEverySourceIncludingExternal()
    {
        var cluster = Teams().Policy("shop/db", p => p.Select(("role", "db")).Ingress(r => r.Port(5432))).Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "team-b/client", "shop/db"), Is.EqualTo(PortSet.Of(Protocol.Tcp, 5432)));
            Assert.That(Allowed(cluster, "198.51.100.7", "shop/db"), Is.EqualTo(PortSet.Of(Protocol.Tcp, 5432)));
        }
    }

    [Test]
    [Description("k8s API reference: if this field is empty or missing, this rule matches all sources; from: [] is the same as no from (" + ApiReference + ", NetworkPolicyIngressRule.from).")]
    public void Rule_FromEmptyList_MatchesEverySource()
    {
        var cluster = Teams().Policy("shop/db", p => p.Select(("role", "db")).Ingress(r => r.NoPeers().Port(5432))).Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "team-b/client", "shop/db"), Is.EqualTo(PortSet.Of(Protocol.Tcp, 5432)));
            Assert.That(Allowed(cluster, "198.51.100.7", "shop/db"), Is.EqualTo(PortSet.Of(Protocol.Tcp, 5432)));
        }
    }

    [Test]
    [Description("k8s docs: 'Default allow all ingress traffic' is ingress: [{}]: one rule with no from and no ports, which matches everything (" + NetworkPoliciesPage + ", Default policies).")]
    public void Ingress_OneEmptyRule_AllowsAll()
    {
        var cluster = Teams()
            .Policy("shop/deny", p => p.NoIngressRules())
            .Policy("shop/allow-all", p => p.Ingress())
            .Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "team-b/client", "shop/db"), Is.EqualTo(PortSet.All));
            Assert.That(Allowed(cluster, "198.51.100.7", "shop/db"), Is.EqualTo(PortSet.All));
        }
    }

    [Test]
    [Description("k8s API reference: if ingress is empty then this NetworkPolicy does not allow any traffic (and serves solely to ensure that the pods it selects are isolated by default) (" + ApiReference + ").")]
    public void Ingress_EmptyList_DeniesAll()
    {
        var cluster = Teams().Policy("shop/deny", p => p.Select(("role", "db")).NoIngressRules()).Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/client", "shop/db"), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "198.51.100.7", "shop/db"), Is.EqualTo(PortSet.None));
        }
    }

    [Test]
    [Description("k8s API reference: each rule allows traffic which matches both the from and the ports sections (" + NetworkPoliciesPage + ", ingress).")]
    public void Rule_PeerAndPortBothRequired_OnlyTheirCombination()
    {
        var cluster = Teams()
            .Policy("shop/db", p => p.Select(("role", "db")).Ingress(r => r.Pods(("role", "client")).Port(5432)))
            .Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/client", "shop/db"), Is.EqualTo(PortSet.Of(Protocol.Tcp, 5432)));
            Assert.That(Allowed(cluster, "shop/other", "shop/db"), Is.EqualTo(PortSet.None));
        }
    }

    [Test]
    [Description("k8s docs: the control plane sets the immutable label kubernetes.io/metadata.name on all namespaces; a namespace no manifest declares still carries it, and only it (" + NetworkPoliciesPage + ", 'Targeting a Namespace by its name').")]
    public void Peer_UndeclaredNamespace_MatchedOnlyByItsNameLabel()
    {
        var cluster = new ManifestBuilder()
            .Namespace("shop")
            .Workload("shop/db")
            .Workload("ghost/client")
            .Policy("shop/by-name", p => p.Ingress(r => r.Namespaces((Namespace.NameLabel, "ghost")).Port(1)))
            .Policy("shop/by-label", p => p.Ingress(r => r.Namespaces(Selector.Exists("user")).Port(2)))
            .Build();

        Assert.That(Allowed(cluster, "ghost/client", "shop/db"), Is.EqualTo(PortSet.Of(Protocol.Tcp, 1)));
    }
}
