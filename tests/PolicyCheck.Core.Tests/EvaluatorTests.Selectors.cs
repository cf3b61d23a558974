using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.TestKit;

namespace PolicyCheck.Core.Tests;

public sealed partial class EvaluatorTests
{
    // Each test isolates the pods a selector picks with a deny-all-ingress policy (ingress: []) and reads the
    // answer off the client -> pod cell: None means selected, All means not selected.

    private static Cluster DenyIngressTo(Core.Selectors.LabelSelector selector, params (string Id, (string, string)[] Labels)[] pods)
    {
        var builder = new ManifestBuilder().Namespace("shop").Workload("shop/client");
        foreach (var (id, labels) in pods)
            builder.Workload(id, labels);
        return builder.Policy("shop/deny", p => p.Select(selector).NoIngressRules()).Build();
    }

    [Test]
    [Description("k8s docs: matchLabels and matchExpressions are ANDed; all of the requirements must be satisfied (" + LabelsPage + ", 'Resources that support set-based requirements').")]
    public void Selector_MatchLabelsAndExpression_AllTermsMustHold()
    {
        var cluster = DenyIngressTo(
            Selector.MatchLabels(("app", "web")).And(Selector.In("tier", "front")),
            ("shop/web-front", [("app", "web"), ("tier", "front")]),
            ("shop/web-back", [("app", "web"), ("tier", "back")]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/client", "shop/web-front"), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "shop/client", "shop/web-back"), Is.EqualTo(PortSet.All));
        }
    }

    [Test]
    [Description("k8s docs: an empty podSelector selects all pods in the namespace (" + NetworkPoliciesPage + ", spec.podSelector).")]
    public void Selector_EmptyPodSelector_SelectsEveryPodOfTheNamespace()
    {
        var cluster = DenyIngressTo(Selector.All, ("shop/web", [("app", "web")]), ("shop/bare", []));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/client", "shop/web"), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "shop/client", "shop/bare"), Is.EqualTo(PortSet.None));
        }
    }

    [Test]
    [Description("k8s: matchLabels {env: \"\"} is the requirement env == \"\": it matches objects whose env label is empty, never objects without the key (" + LabelsPage + ", equality-based requirements).")]
    public void Selector_MatchLabelsEmptyValue_MatchesOnlyKeyWithEmptyValue()
    {
        var cluster = DenyIngressTo(
            Selector.MatchLabels(("env", "")),
            ("shop/empty-env", [("env", "")]),
            ("shop/no-env", []),
            ("shop/prod-env", [("env", "prod")]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/client", "shop/empty-env"), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "shop/client", "shop/no-env"), Is.EqualTo(PortSet.All));
            Assert.That(Allowed(cluster, "shop/client", "shop/prod-env"), Is.EqualTo(PortSet.All));
        }
    }

    [Test]
    [Description("k8s docs: 'environment notin (frontend)' selects resources with a different value AND all resources with no label with the environment key (" + LabelsPage + ", set-based requirement).")]
    public void Selector_NotInWithAbsentKey_Matches()
    {
        var cluster = DenyIngressTo(
            Selector.NotIn("env", "prod"),
            ("shop/no-env", []),
            ("shop/dev", [("env", "dev")]),
            ("shop/prod", [("env", "prod")]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/client", "shop/no-env"), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "shop/client", "shop/dev"), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "shop/client", "shop/prod"), Is.EqualTo(PortSet.All));
        }
    }

    [Test]
    [Description("k8s docs: '!partition' selects all resources without a label with key partition, whatever its value (" + LabelsPage + ", set-based requirement).")]
    public void Selector_DoesNotExist_MatchesOnlyWithoutTheKey()
    {
        var cluster = DenyIngressTo(
            Selector.DoesNotExist("legacy"),
            ("shop/modern", []),
            ("shop/legacy-empty", [("legacy", "")]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/client", "shop/modern"), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "shop/client", "shop/legacy-empty"), Is.EqualTo(PortSet.All));
        }
    }

    [Test]
    [Description("k8s docs: 'partition' (Exists) selects all resources with a label with key partition; the value is not checked (" + LabelsPage + ").")]
    public void Selector_Exists_MatchesKeyWithEmptyValue()
    {
        var cluster = DenyIngressTo(
            Selector.Exists("canary"),
            ("shop/canary-empty", [("canary", "")]),
            ("shop/stable", []));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/client", "shop/canary-empty"), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "shop/client", "shop/stable"), Is.EqualTo(PortSet.All));
        }
    }

    [Test]
    [Description("k8s docs: 'environment in (production, qa)' selects only resources that carry the key with one of the values; a missing key is not the empty value (" + LabelsPage + ").")]
    public void Selector_InWithEmptyValue_NeedsTheKey()
    {
        var cluster = DenyIngressTo(
            Selector.In("env", "", "qa"),
            ("shop/empty-env", [("env", "")]),
            ("shop/qa", [("env", "qa")]),
            ("shop/no-env", []));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/client", "shop/empty-env"), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "shop/client", "shop/qa"), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "shop/client", "shop/no-env"), Is.EqualTo(PortSet.All));
        }
    }

    [Test]
    [Description("k8s docs: a from entry with both namespaceSelector and podSelector selects particular Pods within particular namespaces; the pod selector (here DoesNotExist) is tested on the pods of every matching namespace (" + NetworkPoliciesPage + ", 'Behavior of to and from selectors').")]
    public void Selector_PodTermsInPeerWithNamespaceSelector_TestedOnPodsOfEveryMatchingNamespace()
    {
        var cluster = new ManifestBuilder()
            .Namespace("shop")
            .Namespace("team-a", ("team", "a"))
            .Namespace("team-b", ("team", "b"))
            .Workload("shop/db")
            .Workload("team-a/plain")
            .Workload("team-a/legacy", ("legacy", "yes"))
            .Workload("team-b/plain")
            .Policy("shop/db", p => p.Ingress(r => r.PodsInNamespaces(Selector.Exists("team"), Selector.DoesNotExist("legacy"))))
            .Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "team-a/plain", "shop/db"), Is.EqualTo(PortSet.All));
            Assert.That(Allowed(cluster, "team-b/plain", "shop/db"), Is.EqualTo(PortSet.All));
            Assert.That(Allowed(cluster, "team-a/legacy", "shop/db"), Is.EqualTo(PortSet.None));
        }
    }
}
