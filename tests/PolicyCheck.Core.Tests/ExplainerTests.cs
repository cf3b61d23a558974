using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Explain;
using PolicyCheck.Core.Model;
using PolicyCheck.TestKit;

namespace PolicyCheck.Core.Tests;

/// <summary>
/// Explain's evidence on small hand-made clusters: which policy, rule, peer and port decide a flow, and why the
/// others did not match. Expected values come from the cited Kubernetes text and docs/semantics.md.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class ExplainerTests
{
    private const string NetworkPoliciesPage = "kubernetes.io/docs/concepts/services-networking/network-policies/";

    private static ManifestBuilder Shop() => new ManifestBuilder()
        .Namespace("shop", ("team", "shop"))
        .Namespace("ops", ("team", "ops"))
        .Workload("shop/db", w => w.Labels(("app", "db")).Port(5432, "pg").Port(9187, "metrics", Protocol.Udp))
        .Workload("shop/api", ("app", "api"), ("tier", "backend"))
        .Workload("shop/batch", ("app", "batch"))
        .Workload("ops/monitor", ("app", "monitor"));

    private static FlowExplanation Explain(Cluster cluster, string from, string to, PortQuery? port = null, EvaluationOptions? options = null)
    {
        options ??= EvaluationOptions.Default;
        var matrix = Evaluator.Evaluate(cluster, options);
        var (fromSubject, fromAddress) = Find(matrix, from);
        var (toSubject, toAddress) = Find(matrix, to);
        var explanation = Explainer.Explain(cluster, fromSubject, toSubject, options, port, fromAddress, toAddress);
        // Every hand-made case also agrees with the engine.
        Assert.That(explanation.Allowed, Is.EqualTo(matrix.Allowed(matrix.Subjects.IndexOf(explanation.From), matrix.Subjects.IndexOf(explanation.To))));
        return explanation;
    }

    private static (Subject Subject, IpCidr? Address) Find(ReachabilityMatrix matrix, string text)
    {
        Assert.That(SubjectQuery.TryParse(text, out var query, out var error), Is.True, error);
        var found = query!.Resolve(matrix);
        Assert.That(found, Has.Length.EqualTo(1), $"'{text}' should name one subject");
        return (matrix.Subjects[found[0]], query.Address);
    }

    [Test]
    [Description("k8s docs: a rule allows traffic when a peer in from matches and a port in ports matches; each rule's from entries are ORed (" + NetworkPoliciesPage + ").")]
    public void Allowed_BySecondPeerOfRule_NamesRulePeerAndPort()
    {
        var cluster = Shop()
            .Policy("shop/db-in", p => p.Select(("app", "db")).Ingress(r => r.Pods(("app", "web")).Pods(("app", "api")).Port(5432)))
            .Build();

        var flow = Explain(cluster, "shop/api", "shop/db");

        var policy = flow.Ingress.Policies.Single();
        var rule = policy.Rules.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(flow.Verdict.Allowed, Is.True);
            Assert.That(flow.Allowed, Is.EqualTo(PortSet.Of(Protocol.Tcp, 5432)));
            Assert.That(flow.Egress.Status, Is.EqualTo(DirectionStatus.NotIsolated));
            Assert.That(flow.Ingress.Status, Is.EqualTo(DirectionStatus.Isolated));
            Assert.That(policy.Policy.Name, Is.EqualTo("db-in"));
            Assert.That(rule.PeerMatched, Is.True);
            Assert.That(rule.Peers.Select(p => p.Matched), Is.EqualTo(new[] { false, true }));
            Assert.That(rule.Peers[0].Reasons.Single().Kind, Is.EqualTo(ReasonKind.PodLabelDiffers));
            Assert.That(rule.Peers[1].Reasons.Single().Kind, Is.EqualTo(ReasonKind.PodSelectorMatched));
            Assert.That(rule.PortEntries.Single().Allows, Is.EqualTo(PortSet.Of(Protocol.Tcp, 5432)));
            Assert.That(rule.Allows, Is.EqualTo(PortSet.Of(Protocol.Tcp, 5432)));
        }
    }

    [Test]
    [Description("k8s docs (labels): matchLabels requires every key with that value; a pod without the key does not match.")]
    public void Denied_LabelMissing_SaysWhichLabel()
    {
        var cluster = Shop()
            .Policy("shop/db-in", p => p.Select(("app", "db")).Ingress(r => r.Pods(("app", "api"), ("tier", "backend"))))
            .Build();

        var flow = Explain(cluster, "shop/batch", "shop/db");

        var reasons = flow.Ingress.Policies.Single().Rules.Single().Peers.Single().Reasons;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(flow.Verdict.Allowed, Is.False);
            Assert.That(flow.Allowed, Is.EqualTo(PortSet.None));
            Assert.That(reasons.Select(r => (r.Kind, r.Key, r.Expected, r.Actual)), Is.EqualTo(new (ReasonKind, string?, string?, string?)[]
            {
                (ReasonKind.PodLabelDiffers, "app", "api", "batch"),
                (ReasonKind.PodLabelMissing, "tier", "backend", null),
            }));
        }
    }

    [Test]
    [Description("k8s docs: a namespaceSelector selects namespaces by their labels; both selectors in one peer must match (" + NetworkPoliciesPage + ").")]
    public void Denied_NamespaceSelectorDoesNotMatch_ShowsNamespaceLabels()
    {
        var cluster = Shop()
            .Policy("shop/db-in", p => p.Select(("app", "db")).Ingress(r => r.PodsInNamespaces(Selector.MatchLabels(("team", "shop")), Selector.MatchLabels(("app", "monitor")))))
            .Build();

        var flow = Explain(cluster, "ops/monitor", "shop/db");

        var peer = flow.Ingress.Policies.Single().Rules.Single().Peers.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(flow.Verdict.Allowed, Is.False);
            Assert.That(peer.Matched, Is.False);
            Assert.That(peer.Namespace?.Name, Is.EqualTo("ops"));
            Assert.That(peer.Namespace?.Labels["team"], Is.EqualTo("ops"));
            Assert.That(peer.Reasons.Select(r => (r.Kind, r.Key, r.Expected, r.Actual)), Is.EqualTo(new (ReasonKind, string?, string?, string?)[]
            {
                (ReasonKind.NamespaceLabelDiffers, "team", "shop", "ops"),
                (ReasonKind.PodSelectorMatched, null, "app=monitor", null),
            }));
        }
    }

    [Test]
    [Description("k8s docs: a podSelector without namespaceSelector selects pods in the policy's own namespace (" + NetworkPoliciesPage + ").")]
    public void Denied_PodSelectorAlone_OtherNamespace()
    {
        var cluster = Shop().Policy("shop/db-in", p => p.Select(("app", "db")).Ingress(r => r.Pods(("app", "monitor")))).Build();

        var reason = Explain(cluster, "ops/monitor", "shop/db").Ingress.Policies.Single().Rules.Single().Peers.Single().Reasons[0];

        Assert.That((reason.Kind, reason.Expected, reason.Actual), Is.EqualTo((ReasonKind.OtherNamespace, "shop", "ops")));
    }

    [Test]
    [Description("k8s API: a named port is resolved on the destination pod; name and protocol must both match.")]
    public void Denied_NamedPortUndefinedOrOtherProtocol_OnDestination()
    {
        var cluster = Shop()
            .Policy("shop/db-in", p => p.Select(("app", "db")).Ingress(r => r.Port("http").Port("metrics").Port("pg")))
            .Build();

        var entries = Explain(cluster, "shop/api", "shop/db").Ingress.Policies.Single().Rules.Single().PortEntries;
        var http = Explain(cluster, "shop/api", "shop/db", PortQuery.Named("http"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(entries.Select(e => e.Reason.Kind), Is.EqualTo(new[] { ReasonKind.NamedPortUndefined, ReasonKind.NamedPortOtherProtocol, ReasonKind.NamedPortResolved }));
            Assert.That(entries[1].Reason.Actual, Is.EqualTo("UDP"));
            Assert.That(entries.Select(e => e.Allows), Is.EqualTo(new[] { PortSet.None, PortSet.None, PortSet.Of(Protocol.Tcp, 5432) }));
            Assert.That(http.Verdict.Allowed, Is.False);
            Assert.That(http.ResolvedPort, Is.Null);
            Assert.That(http.Verdict.Reasons[0].Kind, Is.EqualTo(ReasonKind.PortQueryUnresolved));
        }
    }

    [Test]
    [Description("k8s docs: policies are additive; a pod selected by several policies gets the union of their rules (" + NetworkPoliciesPage + ").")]
    public void Isolated_ByTwoPolicies_UnionOfTheirRules()
    {
        var cluster = Shop()
            .Policy("shop/db-5432", p => p.Select(("app", "db")).Ingress(r => r.Pods(("app", "api")).Port(5432)))
            .Policy("shop/db-metrics", p => p.Select(Selector.All).Ingress(r => r.PortRange(9000, 9100)))
            .Build();

        var flow = Explain(cluster, "shop/api", "shop/db", PortQuery.Of(9090));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(flow.Ingress.Policies.Select(p => p.Policy.Name), Is.EqualTo(new[] { "db-5432", "db-metrics" }));
            Assert.That(flow.Ingress.Policies.Select(p => p.AllowsQuery), Is.EqualTo(new bool?[] { false, true }));
            Assert.That(flow.Allowed, Is.EqualTo(PortSet.Of(Protocol.Tcp, 5432).Union(PortSet.Of(Protocol.Tcp, 9000, 9100))));
            Assert.That(flow.Verdict.Allowed, Is.True);
        }
    }

    [Test]
    [Description("k8s docs: a pod not selected by any policy of a direction is not isolated for it and allows everything (" + NetworkPoliciesPage + ").")]
    public void NotIsolated_AllowsEverything()
    {
        var cluster = Shop().Policy("shop/db-in", p => p.Select(("app", "db")).NoIngressRules()).Build();

        var flow = Explain(cluster, "shop/db", "shop/api");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(flow.Egress.Status, Is.EqualTo(DirectionStatus.NotIsolated));
            Assert.That(flow.Ingress.Status, Is.EqualTo(DirectionStatus.NotIsolated));
            Assert.That(flow.Allowed, Is.EqualTo(PortSet.All));
        }
    }

    [Test]
    [Description("k8s docs: a listed policy type with no rules denies that whole direction.")]
    public void Isolated_PolicyWithoutRules_DeniesAll()
    {
        var cluster = Shop().Policy("shop/db-in", p => p.Select(("app", "db")).NoIngressRules()).Build();

        var flow = Explain(cluster, "shop/api", "shop/db");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(flow.Ingress.Status, Is.EqualTo(DirectionStatus.Isolated));
            Assert.That(flow.Ingress.Policies.Single().Rules, Is.Empty);
            Assert.That(flow.Allowed, Is.EqualTo(PortSet.None));
        }
    }

    [Test]
    [Description("docs/semantics.md: hostNetwork pods are never isolated, and pod/namespace selectors never match them as peers.")]
    public void HostNetwork_NotGovernedAndNotSelectable()
    {
        var cluster = Shop()
            .Workload("shop/agent", w => w.Labels(("app", "api")).HostNetwork())
            .Policy("shop/all-in", p => p.Select(Selector.All).Ingress(r => r.Pods(("app", "api"))))
            .Build();

        var into = Explain(cluster, "shop/db", "shop/agent");
        var from = Explain(cluster, "shop/agent", "shop/db");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(into.Ingress.Status, Is.EqualTo(DirectionStatus.HostNetwork));
            Assert.That(into.Allowed, Is.EqualTo(PortSet.All));
            Assert.That(from.Ingress.Policies.Single().Rules.Single().Peers.Single().Reasons.Single().Kind, Is.EqualTo(ReasonKind.HostNetworkPeer));
            Assert.That(from.Allowed, Is.EqualTo(PortSet.None));
        }
    }

    [Test]
    [Description("k8s docs: traffic from a pod to itself is always allowed; docs/semantics.md: the diagonal is all.")]
    public void Self_AlwaysAllowed_PoliciesNotConsulted()
    {
        var cluster = Shop().Policy("shop/deny", p => p.Select(Selector.All).Types(Direction.Ingress, Direction.Egress)).Build();

        var flow = Explain(cluster, "shop/db", "shop/db");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(flow.Verdict.Reasons.Single().Kind, Is.EqualTo(ReasonKind.SelfTraffic));
            Assert.That(flow.Allowed, Is.EqualTo(PortSet.All));
            Assert.That(flow.Ingress.Policies, Is.Empty);
        }
    }

    [Test]
    [Description("k8s docs: ipBlock allows a cidr minus its except ranges (" + NetworkPoliciesPage + ").")]
    public void External_ViaIpBlock_InsideAndExcepted()
    {
        var cluster = Shop()
            .Policy("shop/api-in", p => p.Select(("app", "api")).Ingress(r => r.IpBlock("203.0.113.0/24", "203.0.113.128/25").Port(443)))
            .Build();

        var inside = Explain(cluster, "203.0.113.7", "shop/api");
        var excepted = Explain(cluster, "203.0.113.200", "shop/api");
        var outside = Explain(cluster, "198.51.100.1", "shop/api");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(inside.Egress.Status, Is.EqualTo(DirectionStatus.External));
            Assert.That(inside.Allowed, Is.EqualTo(PortSet.Of(Protocol.Tcp, 443)));
            Assert.That(Peer(inside).Kind, Is.EqualTo(ReasonKind.IpBlockMatched));
            Assert.That(excepted.Allowed, Is.EqualTo(PortSet.None));
            Assert.That((Peer(excepted).Kind, Peer(excepted).Key), Is.EqualTo((ReasonKind.IpExcepted, "203.0.113.128/25")));
            Assert.That((Peer(outside).Kind, Peer(outside).Actual), Is.EqualTo((ReasonKind.IpOutsideCidr, "198.51.100.1")));
            Assert.That(Peer(excepted).Actual, Is.EqualTo("203.0.113.200"));
            Assert.That(excepted.FromAddress?.ToString(), Is.EqualTo("203.0.113.200"));
        }

        static Reason Peer(FlowExplanation flow) => flow.Ingress.Policies.Single().Rules.Single().Peers.Single().Reasons.Single();
    }

    [Test]
    [Description("docs/semantics.md: traffic between two outside addresses is not the cluster's and is never listed.")]
    public void External_ToExternal_NothingListed()
    {
        var cluster = Shop().Policy("shop/api-in", p => p.Select(("app", "api")).Ingress(r => r.IpBlock("203.0.113.0/24"))).Build();

        var flow = Explain(cluster, "203.0.113.7", "198.51.100.1");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(flow.Verdict.Reasons.Single().Kind, Is.EqualTo(ReasonKind.ExternalToExternal));
            Assert.That(flow.Allowed, Is.EqualTo(PortSet.None));
        }
    }

    [Test]
    [Description("docs/semantics.md: ipBlocks match pods only through known IPs, and never with --ipblock-pods=ignore.")]
    public void IpBlock_Pods_KnownIpsAndIgnoreMode()
    {
        var cluster = Shop()
            .Workload("shop/live", w => w.Labels(("app", "live")).Ips("10.0.0.5"))
            .Policy("shop/db-in", p => p.Select(("app", "db")).Ingress(r => r.IpBlock("10.0.0.0/24")))
            .Build();

        var known = Explain(cluster, "shop/live", "shop/db");
        var unknown = Explain(cluster, "shop/api", "shop/db");
        var ignored = Explain(cluster, "shop/live", "shop/db", options: new EvaluationOptions(IpBlockPodMatching.Ignore));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(known.Allowed, Is.EqualTo(PortSet.All));
            Assert.That(Peer(known).Kind, Is.EqualTo(ReasonKind.IpBlockMatched));
            Assert.That(Peer(unknown).Kind, Is.EqualTo(ReasonKind.NoKnownPodIps));
            Assert.That(Peer(ignored).Kind, Is.EqualTo(ReasonKind.IpBlockPodsIgnored));
            Assert.That(ignored.Allowed, Is.EqualTo(PortSet.None));
        }

        static Reason Peer(FlowExplanation flow) => flow.Ingress.Policies.Single().Rules.Single().Peers.Single().Reasons.Single();
    }

    [Test]
    [Description("k8s docs: a connection needs the source's egress and the destination's ingress to allow it; for egress rules a named port resolves on the peer (the destination).")]
    public void Egress_NamedPortResolvedOnDestination_BothSidesIntersect()
    {
        var cluster = Shop()
            .Policy("shop/api-out", p => p.Select(("app", "api")).Egress(r => r.Pods(("app", "db")).Port("pg")))
            .Policy("shop/db-in", p => p.Select(("app", "db")).Ingress(r => r.Pods(("app", "api")).PortRange(5000, 6000)))
            .Build();

        var flow = Explain(cluster, "shop/api", "shop/db", PortQuery.Named("pg"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(flow.ResolvedPort, Is.EqualTo(new ResolvedPort(Protocol.Tcp, 5432)));
            Assert.That(flow.Egress.Allows, Is.EqualTo(PortSet.Of(Protocol.Tcp, 5432)));
            Assert.That(flow.Ingress.Allows, Is.EqualTo(PortSet.Of(Protocol.Tcp, 5000, 6000)));
            Assert.That(flow.Allowed, Is.EqualTo(PortSet.Of(Protocol.Tcp, 5432)));
            Assert.That(flow.Verdict.Allowed, Is.True);
            Assert.That(flow.Egress.Policies.Single().Rules.Single().PortEntries.Single().Reason.Kind, Is.EqualTo(ReasonKind.NamedPortResolved));
        }
    }
}
