using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.TestKit;

namespace PolicyCheck.Core.Tests;

public sealed partial class EvaluatorTests
{
    private const string CiliumLayer3 = "docs.cilium.io/en/stable/security/policy/language/ (Layer 3, ipBlock)";

    private static readonly EvaluationOptions SelectHostNetwork = new(HostNetworkPods: HostNetworkPodHandling.Select);
    private static readonly EvaluationOptions IgnoreEndPort = new(EndPort: EndPortHandling.Ignore);
    private static readonly EvaluationOptions NoSctp = new(Sctp: SctpSupport.Unsupported);

    private static bool IsIsolated(Cluster cluster, string id, Direction direction, EvaluationOptions options)
    {
        var matrix = Evaluator.Evaluate(cluster, options);
        return matrix.IsIsolated(Resolve(matrix, id).Index, direction);
    }

    [Test]
    [Description("k8s docs, NetworkPolicy and hostNetwork pods: 'The network plugin can distinguish hostNetwork pod traffic from all other " +
                 "traffic ... In this case, the network plugin applies NetworkPolicy to hostNetwork pods just like it does to pod-network " +
                 "pods' (" + NetworkPoliciesPage + "). With --hostnetwork-pods select a deny-all isolates the agent.")]
    public void HostNetworkSelect_SelectedByDenyAll_Isolated()
    {
        var cluster = WithAgent().Policy("shop/deny-all", p => p.Types(Direction.Ingress, Direction.Egress)).Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(IsIsolated(cluster, "shop/agent", Direction.Ingress, SelectHostNetwork), Is.True);
            Assert.That(IsIsolated(cluster, "shop/agent", Direction.Egress, SelectHostNetwork), Is.True);
            Assert.That(Allowed(cluster, "203.0.113.9", "shop/agent", SelectHostNetwork), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "shop/agent", "203.0.113.9", SelectHostNetwork), Is.EqualTo(PortSet.None));
        }
    }

    [Test]
    [Description("k8s docs: the plugin that distinguishes hostNetwork pods applies podSelector/namespaceSelector to them like any pod; " +
                 "under the default ('ignores hostNetwork pods when matching podSelector and namespaceSelector ... the most common " +
                 "implementation') the same peer does not match (" + NetworkPoliciesPage + ").")]
    public void HostNetworkSelect_AsSource_MatchedByPodSelector()
    {
        var cluster = WithAgent()
            .Policy("shop/db", p => p.Select(("role", "db")).Ingress(r => r.Pods(("role", "agent")).Port(5432)))
            .Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/agent", "shop/db", SelectHostNetwork), Is.EqualTo(PortSet.Of(Protocol.Tcp, 5432)));
            Assert.That(Allowed(cluster, "shop/agent", "shop/db"), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "shop/client", "shop/db", SelectHostNetwork), Is.EqualTo(PortSet.None));
        }
    }

    [Test]
    [Description("k8s docs, Targeting a range of ports: 'If your network plugin does not support the endPort field and you specify a " +
                 "NetworkPolicy with that, the policy will be applied only for the single port field.' (" + NetworkPoliciesPage + ")")]
    public void EndPortIgnore_Range_AllowsPortAlone()
    {
        var cluster = new ManifestBuilder()
            .Namespace("default")
            .Workload("default/db", ("role", "db"))
            .Workload("default/client")
            .Policy("default/db", p => p.Select(("role", "db")).Ingress(r => r.PortRange(32000, 32768)))
            .Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "default/client", "default/db", IgnoreEndPort), Is.EqualTo(PortSet.Of(Protocol.Tcp, 32000)));
            Assert.That(Allowed(cluster, "default/client", "default/db"), Is.EqualTo(PortSet.Of(Protocol.Tcp, 32000, 32768)));
        }
    }

    [Test]
    [Description("k8s docs: 'You must be using a CNI plugin that supports SCTP protocol NetworkPolicies.' With --sctp unsupported an " +
                 "SCTP entry allows nothing; the TCP entry of the same rule still applies (" + NetworkPoliciesPage + ").")]
    public void SctpUnsupported_SctpEntry_AllowsNothing()
    {
        var cluster = new ManifestBuilder()
            .Namespace("default")
            .Workload("default/db", ("role", "db"))
            .Workload("default/client")
            .Policy("default/db", p => p.Select(("role", "db")).Ingress(r => r.Port(9000, Protocol.Sctp).Port(80)))
            .Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "default/client", "default/db", NoSctp), Is.EqualTo(PortSet.Of(Protocol.Tcp, 80)));
            Assert.That(Allowed(cluster, "default/client", "default/db"), Is.EqualTo(PortSet.Of(Protocol.Tcp, 80).Union(PortSet.Of(Protocol.Sctp, 9000))));
        }
    }

    [Test]
    [Description("docs/semantics.md (--sctp unsupported): only SCTP port entries lose their effect; a pod no policy isolates " +
                 "keeps the Kubernetes default ('By default, a pod is non-isolated ... all inbound connections are allowed'), SCTP included.")]
    public void SctpUnsupported_NotIsolated_StillAllowsSctp()
    {
        var cluster = new ManifestBuilder()
            .Namespace("default")
            .Workload("default/db", ("role", "db"))
            .Workload("default/client")
            .Build();

        Assert.That(Allowed(cluster, "default/client", "default/db", NoSctp), Is.EqualTo(PortSet.All));
    }

    [Test]
    [Description("Cilium: 'By default, CIDR-based selectors do not match in-cluster entities (pods or nodes)' (" + CiliumLayer3 +
                 "), so an ipBlock /32 of a pod's IP does not admit that pod; an outside address in the block still matches.")]
    public void CiliumProfile_IpBlockWithPodIp_DoesNotMatch()
    {
        var cluster = new ManifestBuilder()
            .Namespace("shop")
            .Workload("shop/db", ("role", "db"))
            .Workload("shop/client", w => w.Ips("10.0.0.5"))
            .Policy("shop/db", p => p.Select(("role", "db")).Ingress(r => r.IpBlock("10.0.0.5/32").IpBlock("198.51.100.0/24")))
            .Build();
        var cilium = EvaluationOptions.For(NetworkPlugin.Cilium);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cilium.IpBlockPods, Is.EqualTo(IpBlockPodMatching.Ignore));
            Assert.That(Allowed(cluster, "shop/client", "shop/db", cilium), Is.EqualTo(PortSet.None));
            Assert.That(Allowed(cluster, "198.51.100.7", "shop/db", cilium), Is.EqualTo(PortSet.All));
        }
    }

    [Test]
    [Description("Calico turns ipBlock.cidr into rule 'nets' matched on the packet's address for any endpoint (projectcalico/calico " +
                 "libcalico-go k8s conversion), as the upstream e2e 'should allow egress access to server in CIDR block' expects with a " +
                 "pod IP /32: the pod is matched.")]
    public void CalicoProfile_IpBlockWithPodIp_Matches()
    {
        var cluster = new ManifestBuilder()
            .Namespace("shop")
            .Workload("shop/db", ("role", "db"))
            .Workload("shop/client", w => w.Ips("10.0.0.5"))
            .Policy("shop/db", p => p.Select(("role", "db")).Ingress(r => r.IpBlock("10.0.0.5/32")))
            .Build();

        Assert.That(Allowed(cluster, "shop/client", "shop/db", EvaluationOptions.For(NetworkPlugin.Calico)), Is.EqualTo(PortSet.All));
    }

    [Test]
    [Description("Cilium SCTP support is beta and must be turned on ('--set sctp.enabled=true', docs.cilium.io/en/stable/configuration/sctp/): " +
                 "the profile assumes it is off, so an SCTP-only rule allows nothing; endPort is supported since Cilium 1.16 " +
                 "(release notes: 'Add support for port ranges in network policies', cilium/cilium#32807).")]
    public void CiliumProfile_SctpRuleAndRange()
    {
        var cluster = new ManifestBuilder()
            .Namespace("default")
            .Workload("default/db", ("role", "db"))
            .Workload("default/client")
            .Policy("default/db", p => p.Select(("role", "db")).Ingress(r => r.Port(9000, Protocol.Sctp).PortRange(8000, 8080)))
            .Build();

        Assert.That(Allowed(cluster, "default/client", "default/db", EvaluationOptions.For(NetworkPlugin.Cilium)), Is.EqualTo(PortSet.Of(Protocol.Tcp, 8000, 8080)));
    }

    [Test]
    [Description("Antrea supports endPort since v1.1.0 (CHANGELOG-1.1: 'Add support for the \"endPort\" field in K8s NetworkPolicies', " +
                 "antrea-io/antrea#2190) and SCTP with the OVS kernel datapath (antrea-io/antrea#1297); hostNetwork pods are left " +
                 "out of its address groups (antrea-io/antrea#3078).")]
    public void AntreaProfile_RangeSctpAndHostNetwork()
    {
        var cluster = WithAgent()
            .Policy("shop/db", p => p.Select(("role", "db")).Ingress(r => r.Pods(Selector.All).PortRange(8000, 8080).Port(9000, Protocol.Sctp)))
            .Build();
        var antrea = EvaluationOptions.For(NetworkPlugin.Antrea);
        var expected = PortSet.Of(Protocol.Tcp, 8000, 8080).Union(PortSet.Of(Protocol.Sctp, 9000));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/client", "shop/db", antrea), Is.EqualTo(expected));
            Assert.That(Allowed(cluster, "shop/agent", "shop/db", antrea), Is.EqualTo(PortSet.None));
        }
    }

    [Test]
    [Description("OpenShift (OVN-Kubernetes): 'A network policy applies to only ... TCP, UDP, ICMP, and SCTP protocols' and 'Pods with " +
                 "host networking enabled are unaffected by network policy rules' (docs.redhat.com, OpenShift network policy); ipBlock " +
                 "is 'an IP network in CIDR notation that can be either internal or external' (ovn-kubernetes network-policy.md).")]
    public void OvnKubernetesProfile_SctpIpBlockAndHostNetwork()
    {
        var cluster = WithAgent()
            .Workload("shop/known", w => w.Ips("10.0.0.5"))
            .Policy("shop/db", p => p.Select(("role", "db")).Ingress(r => r.IpBlock("10.0.0.0/24").Port(9000, Protocol.Sctp)))
            .Policy("shop/deny-agent", p => p.Select(("role", "agent")).Types(Direction.Ingress))
            .Build();
        var ovn = EvaluationOptions.For(NetworkPlugin.OvnKubernetes);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Allowed(cluster, "shop/known", "shop/db", ovn), Is.EqualTo(PortSet.Of(Protocol.Sctp, 9000)));
            Assert.That(IsIsolated(cluster, "shop/agent", Direction.Ingress, ovn), Is.False);
        }
    }

    [Test]
    [Description("k8s docs: hostNetwork behaviour 'is undefined' between two options; ignoring hostNetwork pods when matching selectors " +
                 "'is the most common implementation', which the generic profile (the default) assumes, with endPort (stable since " +
                 "v1.25) and SCTP honoured (" + NetworkPoliciesPage + ").")]
    public void GenericProfile_IsTheDefault()
    {
        var generic = EvaluationOptions.For(NetworkPlugin.Generic);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(generic, Is.EqualTo(EvaluationOptions.Default));
            Assert.That(generic.HostNetworkPods, Is.EqualTo(HostNetworkPodHandling.Ignore));
            Assert.That(generic.IpBlockPods, Is.EqualTo(IpBlockPodMatching.Match));
            Assert.That(generic.EndPort, Is.EqualTo(EndPortHandling.Honor));
            Assert.That(generic.Sctp, Is.EqualTo(SctpSupport.Supported));
        }
    }
}
