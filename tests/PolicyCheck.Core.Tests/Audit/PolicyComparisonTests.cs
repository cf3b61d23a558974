using PolicyCheck.Core.Audit;
using PolicyCheck.Core.Model;
using PolicyCheck.TestKit;

namespace PolicyCheck.Core.Tests.Audit;

/// <summary>Policies compared by meaning: what the API treats as a set or a default must not count as drift.</summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class PolicyComparisonTests
{
    private static NetworkPolicy Policy(Action<PolicyBuilder> configure) =>
        new ManifestBuilder().Policy("shop/p", configure).Build().Policies.Single();

    private static string[] Parts(Action<PolicyBuilder> a, Action<PolicyBuilder> b) => [.. PolicyComparison.DifferingParts(Policy(a), Policy(b))];

    [Test]
    [Description("k8s docs: rules, peers and ports are OR'ed lists, so their order carries no meaning.")]
    public void Order_OfRulesPeersAndPorts_IsNoDifference() => Assert.That(Parts(
        p => p.Ingress(r => r.Pods(("app", "a")).Pods(("app", "b")).Port(80).Port(443)).Ingress(r => r.Port(53, Protocol.Udp)),
        p => p.Ingress(r => r.Port(53, Protocol.Udp)).Ingress(r => r.Pods(("app", "b")).Pods(("app", "a")).Port(443).Port(80))), Is.Empty);

    [Test]
    [Description("k8s API: a port's protocol defaults to TCP.")]
    public void Protocol_OmittedOrTcp_IsNoDifference() =>
        Assert.That(Parts(p => p.Ingress(r => r.Port(80)), p => p.Ingress(r => r.Port(80, Protocol.Tcp))), Is.Empty);

    [Test]
    [Description("k8s API: matchLabels {k: v} is the requirement k In (v).")]
    public void Selector_MatchLabelsOrInExpression_IsNoDifference() =>
        Assert.That(Parts(p => p.Select(("app", "web")), p => p.Select(Selector.In("app", "web"))), Is.Empty);

    [Test]
    [Description("k8s API: absent policyTypes means Ingress, plus Egress when egress rules exist.")]
    public void PolicyTypes_ImpliedOrWritten_IsNoDifference() =>
        Assert.That(Parts(p => p.Ingress().Egress(r => r.Port(53)), p => p.Types(Direction.Egress, Direction.Ingress).Ingress().Egress(r => r.Port(53))), Is.Empty);

    [Test]
    [Description("k8s docs: rules of a type not in policyTypes are ignored.")]
    public void Rules_OfAnUnaffectedDirection_AreNoDifference() =>
        Assert.That(Parts(p => p.Types(Direction.Ingress).Ingress().Egress(r => r.Port(1)), p => p.Types(Direction.Ingress).Ingress()), Is.Empty);

    [Test]
    [Description("k8s docs: a peer with only a namespaceSelector selects every pod in those namespaces.")]
    public void NamespacePeer_WithOrWithoutEmptyPodSelector_IsNoDifference() => Assert.That(Parts(
        p => p.Ingress(r => r.Namespaces(("team", "x"))),
        p => p.Ingress(r => r.PodsInNamespaces(Selector.MatchLabels(("team", "x")), Selector.All))), Is.Empty);

    [Test]
    public void Port_Added_IsAnIngressDifference() =>
        Assert.That(Parts(p => p.Ingress(r => r.Port(80)), p => p.Ingress(r => r.Port(80).Port(81))), Is.EqualTo(new[] { "ingress" }));

    [Test]
    [Description("k8s docs: a podSelector peer alone means the policy's namespace; namespaceSelector {} means all of them.")]
    public void PodPeer_OwnNamespaceOrEveryNamespace_Differs() => Assert.That(Parts(
        p => p.Ingress(r => r.Pods(("app", "a"))),
        p => p.Ingress(r => r.PodsInNamespaces(Selector.All, Selector.MatchLabels(("app", "a"))))), Is.EqualTo(new[] { "ingress" }));

    [Test]
    public void PodSelectorAndTypes_Changed_AreNamed() => Assert.That(Parts(
        p => p.Select(("app", "a")).Types(Direction.Ingress).Ingress(),
        p => p.Select(("app", "b")).Types(Direction.Ingress, Direction.Egress).Ingress()), Is.EqualTo(new[] { "podSelector", "policyTypes", "egress" }));

    [Test]
    public void Compare_SortsPoliciesIntoOneSidedAndDifferent()
    {
        var live = new ManifestBuilder()
            .Policy("shop/same", p => p.Ingress(r => r.Port(80)))
            .Policy("shop/changed", p => p.Ingress(r => r.Port(80)))
            .Policy("shop/only-live", p => p.Ingress())
            .Build().Policies;
        var declared = new ManifestBuilder()
            .Policy("shop/same", p => p.Ingress(r => r.Port(80, Protocol.Tcp)))
            .Policy("shop/changed", p => p.Ingress(r => r.Port(8080)))
            .Policy("other/only-declared", p => p.Ingress())
            .Build().Policies;

        var drift = PolicyComparison.Compare(live, declared);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(drift.OnlyLive.Select(p => p.Name), Is.EqualTo(new[] { "only-live" }));
            Assert.That(drift.OnlyDeclared.Select(p => p.Name), Is.EqualTo(new[] { "only-declared" }));
            Assert.That(drift.Different.Select(d => d.Live.Name), Is.EqualTo(new[] { "changed" }));
        }
    }
}
