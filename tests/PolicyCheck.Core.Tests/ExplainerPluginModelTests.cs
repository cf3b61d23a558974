using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Explain;
using PolicyCheck.Core.Model;
using PolicyCheck.TestKit;

namespace PolicyCheck.Core.Tests;

/// <summary>
/// Explain names the network plugin assumption when it decides a verdict: hostNetwork pods selected, endPort ignored,
/// SCTP unsupported. Expected values come from the Kubernetes text quoted per test and docs/semantics.md.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class ExplainerPluginModelTests
{
    private const string NetworkPoliciesPage = "kubernetes.io/docs/concepts/services-networking/network-policies/";

    private static FlowExplanation Explain(Cluster cluster, string from, string to, EvaluationOptions options, PortQuery? port = null)
    {
        var matrix = Evaluator.Evaluate(cluster, options);
        var source = matrix.Subjects[matrix.IndexOf(from)];
        var destination = matrix.Subjects[matrix.IndexOf(to)];
        var explanation = Explainer.Explain(cluster, source, destination, options, port);
        Assert.That(explanation.Allowed, Is.EqualTo(matrix.Allowed(matrix.IndexOf(from), matrix.IndexOf(to))));
        return explanation;
    }

    private static Reason PortReason(FlowExplanation flow) => flow.Ingress.Policies.Single().Rules.Single().PortEntries.Single().Reason;

    [Test]
    [Description("k8s docs: 'If your network plugin does not support the endPort field ... the policy will be applied only for the single port field.' (" + NetworkPoliciesPage + ")")]
    public void EndPortIgnored_PortEntry_NamesAssumption()
    {
        var cluster = new ManifestBuilder()
            .Namespace("default")
            .Workload("default/db", ("role", "db"))
            .Workload("default/client")
            .Policy("default/db", p => p.Select(("role", "db")).Ingress(r => r.PortRange(32000, 32768)))
            .Build();

        var flow = Explain(cluster, "default/client", "default/db", new EvaluationOptions(EndPort: EndPortHandling.Ignore), PortQuery.Of(32001));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(flow.Verdict.Allowed, Is.False);
            Assert.That(flow.Allowed, Is.EqualTo(PortSet.Of(Protocol.Tcp, 32000)));
            Assert.That(PortReason(flow).Kind, Is.EqualTo(ReasonKind.EndPortIgnored));
            Assert.That(PortReason(flow).Actual, Is.EqualTo("32768"));
        }
    }

    [Test]
    [Description("k8s docs: 'You must be using a CNI plugin that supports SCTP protocol NetworkPolicies.' (" + NetworkPoliciesPage + ")")]
    public void SctpUnsupported_PortEntry_NamesAssumption()
    {
        var cluster = new ManifestBuilder()
            .Namespace("default")
            .Workload("default/db", ("role", "db"))
            .Workload("default/client")
            .Policy("default/db", p => p.Select(("role", "db")).Ingress(r => r.Port(9000, Protocol.Sctp)))
            .Build();

        var flow = Explain(cluster, "default/client", "default/db", new EvaluationOptions(Sctp: SctpSupport.Unsupported), PortQuery.Of(9000, Protocol.Sctp));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(flow.Verdict.Allowed, Is.False);
            Assert.That(flow.Allowed, Is.EqualTo(PortSet.None));
            Assert.That(PortReason(flow).Kind, Is.EqualTo(ReasonKind.SctpUnsupported));
        }
    }

    [Test]
    [Description("k8s docs: a plugin may apply 'NetworkPolicy to hostNetwork pods just like it does to pod-network pods' (" + NetworkPoliciesPage + "); " +
                 "with --hostnetwork-pods select the agent is matched as a peer and the verdict names that assumption.")]
    public void HostNetworkSelected_Peer_MatchedAndNamed()
    {
        var cluster = new ManifestBuilder()
            .Namespace("shop")
            .Workload("shop/db", ("role", "db"))
            .Workload("shop/agent", w => w.Kind(WorkloadKind.DaemonSet).Labels(("role", "agent")).HostNetwork())
            .Policy("shop/db", p => p.Select(("role", "db")).Ingress(r => r.Pods(("role", "agent"))))
            .Build();

        var selected = Explain(cluster, "shop/agent", "shop/db", new EvaluationOptions(HostNetworkPods: HostNetworkPodHandling.Select));
        var ignored = Explain(cluster, "shop/agent", "shop/db", EvaluationOptions.Default);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(selected.Verdict.Allowed, Is.True);
            Assert.That(selected.Verdict.Reasons.Select(r => r.Kind), Does.Contain(ReasonKind.HostNetworkPodSelected));
            Assert.That(selected.Egress.Status, Is.EqualTo(DirectionStatus.NotIsolated));
            Assert.That(ignored.Verdict.Allowed, Is.False);
            Assert.That(ignored.Verdict.Reasons.Select(r => r.Kind), Does.Not.Contain(ReasonKind.HostNetworkPodSelected));
            Assert.That(ignored.Ingress.Policies.Single().Rules.Single().Peers.Single().Reasons.Single().Kind, Is.EqualTo(ReasonKind.HostNetworkPeer));
        }
    }
}
