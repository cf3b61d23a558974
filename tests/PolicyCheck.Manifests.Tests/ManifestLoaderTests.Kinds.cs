using System.Net;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Selectors;

namespace PolicyCheck.Manifests.Tests;

public sealed partial class ManifestLoaderTests
{
    [Test]
    [Description("k8s docs: the control plane sets the immutable label kubernetes.io/metadata.name on all namespaces.")]
    public void Namespace_Declared_KeepsLabelsAndForcesTheNameLabel()
    {
        var result = Load("""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
              namespace: ignored-for-cluster-scoped
              labels:
                team: payments
                kubernetes.io/metadata.name: something-else
            """);

        Assert.That(result.Diagnostics, Is.Empty);
        var ns = result.Cluster.Namespaces.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ns.Name, Is.EqualTo("shop"));
            Assert.That(ns.Declared, Is.True);
            Assert.That(ns.Labels, Is.EqualTo(new Dictionary<string, string>
            {
                ["team"] = "payments",
                [Namespace.NameLabel] = "shop",
            }));
            Assert.That(Where(ns.Span), Is.EqualTo((1, 1, 8, 48)));
        }
    }

    [Test]
    public void Pod_WithoutController_IsABarePodWorkload()
    {
        var result = Load("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: debug
              namespace: tools
              labels: {app: debug}
            spec:
              hostNetwork: true
              initContainers:
              - name: init
                ports: [{containerPort: 1111}]
              containers:
              - name: main
                ports:
                - {containerPort: 8080, name: http}
                - {containerPort: 5353, protocol: UDP}
              - name: sidecar
                ports:
                - containerPort: 9090
                  name: metrics
                  protocol: SCTP
            status:
              phase: Running
              podIP: 10.1.0.7
              podIPs:
              - ip: 10.1.0.7
              - ip: fd00::7
            """);

        Assert.That(result.Diagnostics, Is.Empty);
        var pod = SingleWorkload(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(pod.Kind, Is.EqualTo(WorkloadKind.Pod));
            Assert.That(pod.Id, Is.EqualTo("tools/debug"));
            Assert.That(pod.Labels, Is.EqualTo(new Dictionary<string, string> { ["app"] = "debug" }));
            Assert.That(pod.Ports.Select(p => (p.Name, p.Number, p.Protocol)), Is.EqualTo(new (string?, int, Protocol)[]
            {
                ("http", 8080, Protocol.Tcp),
                (null, 5353, Protocol.Udp),
                ("metrics", 9090, Protocol.Sctp),
            }));
            Assert.That(pod.HostNetwork, Is.True);
            Assert.That(pod.Replicas, Is.EqualTo(1));
            Assert.That(pod.PodNames, Is.EqualTo(new[] { "debug" }));
            Assert.That(pod.PodIps, Is.EqualTo(new[] { IPAddress.Parse("10.1.0.7"), IPAddress.Parse("fd00::7") }));
        }
    }

    [Test]
    public void Deployment_Template_GivesLabelsPortsAndReplicas()
    {
        var result = Load("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              labels: {owner: not-the-pods}
            spec:
              replicas: 3
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web, tier: front}
                spec:
                  containers:
                  - name: web
                    ports:
                    - containerPort: 8080
                      name: http
            """);

        Assert.That(result.Diagnostics, Is.Empty);
        var web = SingleWorkload(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(web.Kind, Is.EqualTo(WorkloadKind.Deployment));
            Assert.That(web.Id, Is.EqualTo("default/web"));
            Assert.That(web.Labels, Is.EqualTo(new Dictionary<string, string> { ["app"] = "web", ["tier"] = "front" }));
            Assert.That(web.Ports.Select(p => (p.Name, p.Number, p.Protocol)), Is.EqualTo(new (string?, int, Protocol)[] { ("http", 8080, Protocol.Tcp) }));
            Assert.That(web.Replicas, Is.EqualTo(3));
            Assert.That(web.HostNetwork, Is.False);
            Assert.That(web.PodNames, Is.Empty);
            Assert.That(web.PodIps, Is.Empty);
        }
    }

    [TestCase("apps/v1", "Deployment", WorkloadKind.Deployment)]
    [TestCase("apps/v1", "ReplicaSet", WorkloadKind.ReplicaSet)]
    [TestCase("apps/v1", "StatefulSet", WorkloadKind.StatefulSet)]
    [TestCase("v1", "ReplicationController", WorkloadKind.ReplicationController)]
    [Description("k8s API: spec.replicas defaults to 1 for these kinds.")]
    public void Workload_ReplicasAbsent_DefaultsToOne(string apiVersion, string kind, WorkloadKind expected)
    {
        var result = Load($$$"""
            apiVersion: {{{apiVersion}}}
            kind: {{{kind}}}
            metadata: {name: w}
            spec:
              template:
                metadata: {labels: {app: w}}
                spec: {containers: [{name: c}]}
            """);

        var workload = SingleWorkload(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Diagnostics, Is.Empty);
            Assert.That(workload.Kind, Is.EqualTo(expected));
            Assert.That(workload.Replicas, Is.EqualTo(1));
            Assert.That(workload.Labels, Is.EqualTo(new Dictionary<string, string> { ["app"] = "w" }));
        }
    }

    [TestCase("DaemonSet", WorkloadKind.DaemonSet)]
    [TestCase("StatefulSet", WorkloadKind.StatefulSet)]
    public void Workload_ReplicasZero_IsKept(string kind, WorkloadKind expected)
    {
        var result = Load($$$"""
            apiVersion: apps/v1
            kind: {{{kind}}}
            metadata: {name: w}
            spec:
              replicas: 0
              template: {spec: {containers: [{name: c}]}}
            """);

        var workload = SingleWorkload(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(workload.Kind, Is.EqualTo(expected));
            // A DaemonSet has no replicas field, so one subject stands for its pods whatever is written.
            Assert.That(workload.Replicas, Is.EqualTo(expected == WorkloadKind.DaemonSet ? 1 : 0));
        }
    }

    [Test]
    public void Job_Template_IsOneReplica()
    {
        var result = Load("""
            apiVersion: batch/v1
            kind: Job
            metadata: {name: migrate, namespace: shop}
            spec:
              parallelism: 5
              template:
                metadata: {labels: {job: migrate}}
                spec:
                  restartPolicy: Never
                  containers: [{name: c, ports: [{containerPort: 5432}]}]
            """);

        var job = SingleWorkload(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(job.Kind, Is.EqualTo(WorkloadKind.Job));
            Assert.That(job.Replicas, Is.EqualTo(1));
            Assert.That(job.Labels, Is.EqualTo(new Dictionary<string, string> { ["job"] = "migrate" }));
            Assert.That(job.Ports.Single().Number, Is.EqualTo(5432));
        }
    }

    [Test]
    [Description("k8s API: a CronJob's pods come from spec.jobTemplate.spec.template.")]
    public void CronJob_JobTemplate_GivesThePodTemplate()
    {
        var result = Load("""
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: report}
            spec:
              schedule: "0 * * * *"
              jobTemplate:
                spec:
                  template:
                    metadata:
                      labels: {app: report}
                    spec:
                      hostNetwork: true
                      containers:
                      - name: c
                        ports: [{containerPort: 9000, name: push}]
            """);

        var cron = SingleWorkload(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(cron.Kind, Is.EqualTo(WorkloadKind.CronJob));
            Assert.That(cron.Replicas, Is.EqualTo(1));
            Assert.That(cron.HostNetwork, Is.True);
            Assert.That(cron.Labels, Is.EqualTo(new Dictionary<string, string> { ["app"] = "report" }));
            Assert.That(cron.Ports.Single(), Has.Property(nameof(ContainerPort.Name)).EqualTo("push"));
        }
    }

    [Test]
    [Description("k8s API: Service type defaults to ClusterIP and port protocol to TCP; targetPort defaults to port.")]
    public void Service_Defaults_AreTheApiServers()
    {
        var result = Load("""
            apiVersion: v1
            kind: Service
            metadata: {name: manual}
            spec:
              ports:
              - port: 80
            """);

        Assert.That(result.Diagnostics, Is.Empty);
        var service = result.Cluster.Services.Single();
        var port = service.Ports.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(service.Type, Is.EqualTo(ServiceType.ClusterIP));
            Assert.That(service.Selector, Is.Null);
            Assert.That(service.ClusterIp, Is.Null);
            Assert.That(port.Protocol, Is.EqualTo(Protocol.Tcp));
            Assert.That(port.TargetPort, Is.Null);
            Assert.That(port.EffectiveTargetPort, Is.EqualTo(PortValue.Of(80)));
            Assert.That(port.NodePort, Is.Null);
            Assert.That(port.Name, Is.Null);
        }
    }

    [Test]
    public void Service_AllFields_AreRead()
    {
        var result = Load("""
            apiVersion: v1
            kind: Service
            metadata: {name: front, namespace: shop}
            spec:
              type: LoadBalancer
              clusterIP: None
              selector: {app: web}
              externalTrafficPolicy: Local
              allocateLoadBalancerNodePorts: false
              ports:
              - {name: http, port: 80, targetPort: web, nodePort: 30080}
              - {name: dns, protocol: UDP, port: 53, targetPort: 5353}
              - {name: zero, port: 81, targetPort: 0}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: alias, namespace: shop}
            spec:
              type: ExternalName
              externalName: db.example.com
            """);

        Assert.That(result.Diagnostics, Is.Empty);
        var services = result.Cluster.Services;
        Assert.That(services.Select(s => s.Name), Is.EqualTo(new[] { "alias", "front" }));
        var (alias, front) = (services[0], services[1]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(front.Type, Is.EqualTo(ServiceType.LoadBalancer));
            Assert.That(front.IsHeadless, Is.True);
            Assert.That(front.Selector, Is.EqualTo(new Dictionary<string, string> { ["app"] = "web" }));
            Assert.That(front.ExternalTrafficPolicy, Is.EqualTo("Local"));
            Assert.That(front.AllocateLoadBalancerNodePorts, Is.False);
            Assert.That(front.Ports.Select(p => (p.Name, p.Protocol, p.Port, p.TargetPort, p.NodePort)), Is.EqualTo(
                new (string?, Protocol, int, PortValue?, int?)[]
                {
                    ("http", Protocol.Tcp, 80, PortValue.Of("web"), 30080),
                    ("dns", Protocol.Udp, 53, PortValue.Of(5353), null),
                    ("zero", Protocol.Tcp, 81, null, null), // the API server defaults targetPort 0 to port
                }));
            Assert.That(alias.Type, Is.EqualTo(ServiceType.ExternalName));
            Assert.That(alias.ExternalName, Is.EqualTo("db.example.com"));
            Assert.That(alias.Ports, Is.Empty);
        }
    }

    [Test]
    public void NetworkPolicy_EveryField_IsRead()
    {
        var policy = SinglePolicy(Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: api, namespace: shop}
            spec:
              podSelector:
                matchLabels: {app: api}
                matchExpressions:
                - {key: tier, operator: In, values: [a, b]}
                - {key: legacy, operator: NotIn, values: ["yes"]}
                - {key: canary, operator: Exists}
                - {key: debug, operator: DoesNotExist}
              policyTypes: [Egress, Ingress]
              ingress:
              - from:
                - namespaceSelector: {matchLabels: {team: shop}}
                  podSelector: {matchLabels: {app: web}}
                - ipBlock:
                    cidr: 10.0.0.0/8
                    except: [10.1.0.0/16, 10.2.0.0/16]
                ports:
                - port: http
                - {protocol: UDP, port: 5000, endPort: 5100}
                - protocol: SCTP
              egress:
              - to: [{podSelector: {}}]
            """));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(policy.Ref, Is.EqualTo(new ObjectRef("NetworkPolicy", "shop", "api")));
            Assert.That(policy.PodSelector.MatchLabels, Is.EqualTo(new Dictionary<string, string> { ["app"] = "api" }));
            Assert.That(policy.PodSelector.MatchExpressions.Select(e => (e.Key, e.Operator, string.Join(",", e.Values))), Is.EqualTo(new[]
            {
                ("tier", SelectorOperator.In, "a,b"),
                ("legacy", SelectorOperator.NotIn, "yes"),
                ("canary", SelectorOperator.Exists, ""),
                ("debug", SelectorOperator.DoesNotExist, ""),
            }));
            Assert.That(policy.PolicyTypes, Is.EqualTo(new[] { Direction.Egress, Direction.Ingress }));
            var ingress = policy.Ingress!.Value.Single();
            Assert.That(ingress.Direction, Is.EqualTo(Direction.Ingress));
            var peers = ingress.Peers!.Value;
            Assert.That(peers[0].NamespaceSelector!.MatchLabels["team"], Is.EqualTo("shop"));
            Assert.That(peers[0].PodSelector!.MatchLabels["app"], Is.EqualTo("web"));
            Assert.That(peers[0].IpBlock, Is.Null);
            Assert.That(peers[1].IpBlock!.Cidr.Text, Is.EqualTo("10.0.0.0/8"));
            Assert.That(peers[1].IpBlock!.Except.Select(e => e.Text), Is.EqualTo(new[] { "10.1.0.0/16", "10.2.0.0/16" }));
            Assert.That(peers[1].PodSelector, Is.Null);
            Assert.That(ingress.Ports!.Value.Select(p => (p.Protocol, p.Port, p.EndPort)), Is.EqualTo(new (Protocol?, PortValue?, int?)[]
            {
                (null, PortValue.Of("http"), null),
                (Protocol.Udp, PortValue.Of(5000), 5100),
                (Protocol.Sctp, null, null),
            }));
            var egress = policy.Egress!.Value.Single();
            Assert.That(egress.Direction, Is.EqualTo(Direction.Egress));
            Assert.That(egress.Peers!.Value.Single().PodSelector!.IsEmpty, Is.True);
            Assert.That(egress.Ports, Is.Null);
        }
    }

    [Test]
    [Description("k8s API: protocol defaults to TCP; the as-written model keeps null and EffectiveProtocol applies it.")]
    public void PolicyPort_ProtocolAbsent_StaysNullWithTcpEffective()
    {
        var policy = SinglePolicy(Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: p}
            spec:
              ingress: [{ports: [{port: 80}]}]
            """));

        var port = policy.Ingress!.Value.Single().Ports!.Value.Single();
        Assert.That((port.Protocol, port.EffectiveProtocol), Is.EqualTo(((Protocol?)null, Protocol.Tcp)));
    }

    [Test]
    [Description("k8s docs: absent from/ports match everything like empty ones, but the model keeps them apart for lint.")]
    public void NetworkPolicy_AbsentAndEmptyLists_StayApart()
    {
        var result = Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: empty-lists}
            spec:
              podSelector: {}
              policyTypes: []
              ingress:
              - from: []
                ports: []
              - {}
              - from:
                ports:
              egress: []
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: absent}
            spec:
              podSelector: {}
            """);

        Assert.That(result.Diagnostics, Is.Empty);
        var (absent, empty) = (result.Cluster.Policies[0], result.Cluster.Policies[1]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(absent.Name, Is.EqualTo("absent"));
            Assert.That(absent.PolicyTypes, Is.Null);
            Assert.That(absent.Ingress, Is.Null);
            Assert.That(absent.Egress, Is.Null);

            Assert.That(empty.PolicyTypes, Is.Not.Null.And.Empty);
            Assert.That(empty.Egress, Is.Not.Null.And.Empty);
            var rules = empty.Ingress!.Value;
            Assert.That(rules.Select(r => r.Index), Is.EqualTo(new[] { 0, 1, 2 }));
            Assert.That(rules[0].Peers, Is.Not.Null.And.Empty);
            Assert.That(rules[0].Ports, Is.Not.Null.And.Empty);
            Assert.That(rules[1].Peers, Is.Null);
            Assert.That(rules[1].Ports, Is.Null);
            // A key with no value is YAML null, which Kubernetes reads as absent.
            Assert.That(rules[2].Peers, Is.Null);
            Assert.That(rules[2].Ports, Is.Null);
        }
    }
}
