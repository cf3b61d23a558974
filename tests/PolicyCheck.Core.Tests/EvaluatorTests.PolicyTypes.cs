using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.TestKit;

namespace PolicyCheck.Core.Tests;

public sealed partial class EvaluatorTests
{
    /// <summary>shop/web is the policies' target; shop/api and shop/other are clients and destinations.</summary>
    private static ManifestBuilder Shop() => new ManifestBuilder()
        .Namespace("shop")
        .Workload("shop/web", ("app", "web"))
        .Workload("shop/api", ("app", "api"))
        .Workload("shop/other", ("app", "other"));

    [Test]
    [Description("k8s docs: if no policyTypes are specified then by default Ingress will always be set (" + NetworkPoliciesPage + ", policyTypes); with no ingress section no ingress rule allows anything.")]
    public void PolicyTypes_AbsentWithoutIngressSection_IngressIsolatedAndDenied()
    {
        var cluster = Shop().Policy("shop/select-only", p => p.Select(("app", "web"))).Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/api", "shop/web"), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "shop/web", "shop/api"), Is.EqualTo(PortSet.All));
            Assert.That(IsIsolated(cluster, "shop/web", Direction.Egress), Is.False);
        }
    }

    [Test]
    [Description("k8s docs: if no policyTypes are specified, Egress will be set if the NetworkPolicy has any egress rules (" + NetworkPoliciesPage + ", policyTypes).")]
    public void PolicyTypes_AbsentWithEgressRule_EgressIsolated()
    {
        var cluster = Shop()
            .Policy("shop/web-out", p => p.Select(("app", "web")).Egress(r => r.Pods(("app", "api"))))
            .Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/web", "shop/api"), Is.EqualTo(PortSet.All));
            Assert.That(Allowed(cluster, "shop/web", "shop/other"), Is.EqualTo(PortSet.None));
            Assert.That(IsIsolated(cluster, "shop/web", Direction.Egress), Is.True);
        }
    }

    [Test]
    [Description("k8s: with no policyTypes, Egress is implied only if spec.egress has at least one rule, so egress: [] does not restrict egress (" + NetworkPoliciesPage + ", policyTypes; SetDefaults_NetworkPolicy checks len(Egress) != 0).")]
    public void PolicyTypes_AbsentWithEmptyEgressList_EgressNotIsolated()
    {
        var cluster = Shop().Policy("shop/empty-egress", p => p.Select(("app", "web")).NoEgressRules()).Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/web", "shop/other"), Is.EqualTo(PortSet.All));
            Assert.That(IsIsolated(cluster, "shop/web", Direction.Egress), Is.False);
            Assert.That(Allowed(cluster, "shop/other", "shop/web"), Is.EqualTo(PortSet.None));
        }
    }

    [Test]
    [Description("k8s source: SetDefaults_NetworkPolicy (pkg/apis/networking/v1/defaults.go) defaults when len(Spec.PolicyTypes) == 0, so policyTypes: [] is defaulted exactly like an absent list.")]
    public void PolicyTypes_EmptyList_DefaultedLikeAbsent()
    {
        var cluster = Shop()
            .Policy("shop/empty-types", p => p.Select(("app", "web")).Types().Egress(r => r.Pods(("app", "api"))))
            .Policy("shop/empty-types-no-egress", p => p.Select(("app", "api")).Types())
            .Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/other", "shop/web"), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "shop/web", "shop/other"), Is.EqualTo(PortSet.None));
            Assert.That(IsIsolated(cluster, "shop/api", Direction.Ingress), Is.True);
            Assert.That(IsIsolated(cluster, "shop/api", Direction.Egress), Is.False);
            Assert.That(Allowed(cluster, "shop/api", "shop/other"), Is.EqualTo(PortSet.All));
        }
    }

    [Test]
    [Description("k8s docs: policyTypes indicates whether the policy applies to ingress, egress or both; a policy of type [Egress] does not isolate ingress, whatever its ingress section says (" + NetworkPoliciesPage + ", policyTypes).")]
    public void PolicyTypes_EgressOnly_IngressRulesIgnored()
    {
        var cluster = Shop()
            .Policy("shop/egress-only", p => p
                .Select(("app", "web"))
                .Types(Direction.Egress)
                .Ingress(r => r.Pods(("app", "api")))
                .Egress(r => r.Pods(("app", "api"))))
            .Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/other", "shop/web"), Is.EqualTo(PortSet.All));
            Assert.That(IsIsolated(cluster, "shop/web", Direction.Ingress), Is.False);
            Assert.That(Allowed(cluster, "shop/web", "shop/other"), Is.EqualTo(PortSet.None));
        }
    }

    [Test]
    [Description("k8s docs: a policy of type [Ingress] does not change the default egress behaviour, even with egress rules written (" + NetworkPoliciesPage + ", policyTypes).")]
    public void PolicyTypes_IngressOnly_EgressRulesIgnored()
    {
        var cluster = Shop()
            .Policy("shop/ingress-only", p => p
                .Select(("app", "web"))
                .Types(Direction.Ingress)
                .Ingress(r => r.Pods(("app", "api")))
                .Egress(r => r.Pods(("app", "api"))))
            .Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/web", "shop/other"), Is.EqualTo(PortSet.All));
            Assert.That(Allowed(cluster, "shop/api", "shop/web"), Is.EqualTo(PortSet.All));
            Assert.That(Allowed(cluster, "shop/other", "shop/web"), Is.EqualTo(PortSet.None));
        }
    }

    [Test]
    [Description("k8s API reference: policyTypes valid options are [\"Ingress\"], [\"Egress\"], or [\"Ingress\", \"Egress\"]; order carries no meaning (" + ApiReference + ").")]
    public void PolicyTypes_EgressListedBeforeIngress_BothApply()
    {
        var cluster = Shop()
            .Policy("shop/both", p => p.Select(("app", "web")).Types(Direction.Egress, Direction.Ingress))
            .Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/api", "shop/web"), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "shop/web", "shop/api"), Is.EqualTo(PortSet.None));
        }
    }

    [Test]
    [Description("k8s docs: 'Default deny all egress traffic': a policy of type Egress that selects pods but has no egress rules allows no egress (" + NetworkPoliciesPage + ", Default policies).")]
    public void PolicyTypes_EgressListedWithoutEgressSection_EgressDenied()
    {
        var cluster = Shop().Policy("shop/deny-egress", p => p.Types(Direction.Egress)).Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/web", "shop/api"), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "shop/web", "203.0.113.9"), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "203.0.113.9", "shop/web"), Is.EqualTo(PortSet.All));
        }
    }
}
