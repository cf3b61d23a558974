using System.Text.Json.Nodes;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;
using PolicyCheck.TestKit;

namespace PolicyCheck.Manifests.Tests;

/// <summary>
/// Labels the controllers put on the pods they create, and controllers split into one subject per set of pods that
/// selectors tell apart (docs/workloads.md). Expected values come from the Kubernetes documentation cited on each test.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class ControllerLabelsTests
{
    private static Cluster Load(params string[] documents)
    {
        var result = ManifestLoader.LoadText(string.Join("\n---\n", documents), "test.yaml");
        Assert.That(result.Diagnostics.Where(d => d.Descriptor.Id != "PC0049"), Is.Empty);
        return result.Cluster;
    }

    private static string StatefulSet(string name, int replicas, string ns = "shop", int? start = null) =>
        StatefulSetText(name, replicas, ns, start is { } s ? "ordinals: {start: " + s + "}" : "minReadySeconds: 0");

    private static string StatefulSetText(string name, int replicas, string ns, string ordinals) => $$"""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: {{name}}, namespace: {{ns}} }
        spec:
          replicas: {{replicas}}
          serviceName: {{name}}
          {{ordinals}}
          selector: {matchLabels: {app: {{name}} } }
          template:
            metadata: {labels: {app: {{name}} } }
            spec: {containers: [{name: c, ports: [{containerPort: 6379}]}]}
        """;

    private static string ServiceFor(string name, string selector, string ns = "shop") => $$"""
        apiVersion: v1
        kind: Service
        metadata: {name: {{name}}, namespace: {{ns}} }
        spec:
          selector: { {{selector}} }
          ports: [{port: 6379}]
        """;

    /// <summary>A policy in shop denying all ingress to the pods <paramref name="podSelector"/> picks.</summary>
    private static string DenyIngress(string podSelector) => $$"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny, namespace: shop}
        spec:
          podSelector: {{podSelector}}
          policyTypes: [Ingress]
        """;

    private static string Workload(string kind, string name, string labels = "app: x", string extra = "", string metadata = "")
    {
        var template = "template: {metadata: {labels: {" + labels + "}}, spec: {containers: [{name: c}]}}";
        var spec = kind == "CronJob" ? "schedule: '0 * * * *'\n  jobTemplate: {spec: {" + template + "}}" : template;
        return $$"""
            apiVersion: {{(kind is "Job" or "CronJob" ? "batch/v1" : "apps/v1")}}
            kind: {{kind}}
            metadata: {name: {{name}}, namespace: shop{{metadata}} }
            spec:
              {{spec}}
              {{extra}}
            """;
    }

    private static string LivePod(string name, string labels, string owner, string ownerKind = "ReplicaSet", string ip = "10.0.0.1") => $$"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {{name}}
          namespace: shop
          labels: { {{labels}} }
          ownerReferences:
          - {apiVersion: apps/v1, kind: {{ownerKind}}, name: {{owner}}, uid: u1, controller: true}
        spec: {containers: [{name: c, ports: [{containerPort: 80}]}]}
        status: {phase: Running, podIP: {{ip}} }
        """;

    private static Workload Single(Cluster cluster, string name) =>
        cluster.Workloads.Single(w => w.Name == name);

    private static string[] Ids(Cluster cluster) => [.. cluster.Workloads.Select(w => w.Id)];

    /// <summary>The one Service's backends' ids.</summary>
    private static string[] Backends(Cluster cluster, string service) =>
        [.. ServiceEndpoints.Of(cluster, cluster.Services.Single(s => s.Name == service)).Backends.Select(b => b.Id)];

    private static PortSet Allowed(Cluster cluster, string from, string to)
    {
        var matrix = Evaluator.Evaluate(cluster);
        return matrix.Allowed(matrix.IndexOf(from), matrix.IndexOf(to));
    }

    private static bool IngressAllowed(Cluster cluster, string from, string to)
    {
        var matrix = Evaluator.Evaluate(cluster);
        return !matrix.Allowed(matrix.IndexOf(from), matrix.IndexOf(to)).IsEmpty;
    }

    [Test]
    [Description("k8s docs (StatefulSet, Pod Name Label): the controller labels each pod statefulset.kubernetes.io/pod-name " +
                 "with the pod's name, which lets a Service attach to one pod; pods are named <set>-<ordinal>, 0 to N-1.")]
    public void ArgoCdRedisHa_ServicePerPod_EachServiceHasExactlyItsPod()
    {
        var cluster = Load(
            StatefulSet("argocd-redis-ha-server", 3, "argocd"),
            ServiceFor("argocd-redis-ha", "app: argocd-redis-ha-server", "argocd"),
            ServiceFor("argocd-redis-ha-announce-0", "statefulset.kubernetes.io/pod-name: argocd-redis-ha-server-0", "argocd"),
            ServiceFor("argocd-redis-ha-announce-1", "statefulset.kubernetes.io/pod-name: argocd-redis-ha-server-1", "argocd"),
            ServiceFor("argocd-redis-ha-announce-2", "statefulset.kubernetes.io/pod-name: argocd-redis-ha-server-2", "argocd"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Ids(cluster), Is.EqualTo(new[] { "argocd/argocd-redis-ha-server-0", "argocd/argocd-redis-ha-server-1", "argocd/argocd-redis-ha-server-2" }));
            Assert.That(Backends(cluster, "argocd-redis-ha-announce-1"), Is.EqualTo(new[] { "argocd/argocd-redis-ha-server-1" }));
            Assert.That(Backends(cluster, "argocd-redis-ha"), Has.Length.EqualTo(3));
            foreach (var pod in cluster.Workloads)
            {
                Assert.That(pod.Controller, Is.EqualTo(new ObjectRef("StatefulSet", "argocd", "argocd-redis-ha-server")));
                Assert.That(pod.Kind, Is.EqualTo(WorkloadKind.StatefulSet));
                Assert.That(pod.Replicas, Is.EqualTo(1));
                Assert.That(pod.HasSeveralPods, Is.False);
                Assert.That(pod.PodNames, Is.EqualTo(new[] { pod.Name }));
            }
        }
    }

    [Test]
    [Description("k8s docs (StatefulSet): a Service selecting statefulset.kubernetes.io/pod-name: db-1 has pod db-1 as its only backend; " +
                 "the other pods (db-0, db-2) stay one subject named after the StatefulSet.")]
    public void StatefulSet_ServiceSelectsOnePodName_SplitsThatPodOnly()
    {
        var cluster = Load(StatefulSet("db", 3), ServiceFor("db-1", "statefulset.kubernetes.io/pod-name: db-1"));

        var rest = Single(cluster, "db");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Ids(cluster), Is.EqualTo(new[] { "shop/db", "shop/db-1" }));
            Assert.That(Backends(cluster, "db-1"), Is.EqualTo(new[] { "shop/db-1" }));
            Assert.That(rest.PodNames, Is.EqualTo(new[] { "db-0", "db-2" }));
            Assert.That(rest.Replicas, Is.EqualTo(2));
            Assert.That(rest.HasSeveralPods, Is.True);
        }
    }

    [Test]
    [Description("k8s docs (StatefulSet, Start ordinal): with .spec.ordinals.start set, pods get ordinals start to start+replicas-1.")]
    public void StatefulSet_OrdinalsStart_PodNamesStartThere()
    {
        var cluster = Load(StatefulSet("db", 3, start: 5), ServiceFor("first", "statefulset.kubernetes.io/pod-name: db-5"),
            ServiceFor("none", "statefulset.kubernetes.io/pod-name: db-0"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Ids(cluster), Is.EqualTo(new[] { "shop/db", "shop/db-5" }));
            Assert.That(Single(cluster, "db").PodNames, Is.EqualTo(new[] { "db-6", "db-7" }));
            Assert.That(Backends(cluster, "none"), Is.Empty);
        }
    }

    [Test]
    [Description("k8s docs (StatefulSet, Pod index label, beta and on by default since 1.28): apps.kubernetes.io/pod-index is the pod's ordinal.")]
    public void StatefulSet_PolicySelectsPodIndexZero_IsolatesOnlyThatPod()
    {
        var cluster = Load(StatefulSet("db", 3), Workload("Deployment", "client"),
            DenyIngress("{matchLabels: {apps.kubernetes.io/pod-index: \"0\"}}"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Ids(cluster), Is.EqualTo(new[] { "shop/client", "shop/db", "shop/db-0" }));
            Assert.That(IngressAllowed(cluster, "shop/client", "shop/db-0"), Is.False);
            Assert.That(IngressAllowed(cluster, "shop/client", "shop/db"), Is.True);
            Assert.That(Single(cluster, "db-0").Labels["apps.kubernetes.io/pod-index"], Is.EqualTo("0"));
        }
    }

    [Test]
    [Description("k8s docs (StatefulSet): every pod carries the pod-name label, so Exists on it selects all of them and splits nothing.")]
    public void StatefulSet_ExistsOnPodName_SelectsAllAsOneSubject()
    {
        var cluster = Load(StatefulSet("db", 3), DenyIngress("{matchExpressions: [{key: statefulset.kubernetes.io/pod-name, operator: Exists}]}"));

        var db = cluster.Workloads.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(db.Id, Is.EqualTo("shop/db"));
            Assert.That(db.Controller, Is.Null);
            Assert.That(db.Replicas, Is.EqualTo(3));
            Assert.That(cluster.Policies.Single().PodSelector.Matches(db.Labels), Is.True);
        }
    }

    [Test]
    [Description("k8s docs (StatefulSet, well-known labels): controller-revision-hash is set on StatefulSet pods; its value is a revision name the manifests do not hold.")]
    public void StatefulSet_ControllerRevisionHash_ExistsButNoWrittenValueMatches()
    {
        var exists = Load(StatefulSet("db", 2), DenyIngress("{matchExpressions: [{key: controller-revision-hash, operator: Exists}]}"));
        var equals = Load(StatefulSet("db", 2), DenyIngress("{matchLabels: {controller-revision-hash: db-6c8b9d}}"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exists.Policies.Single().PodSelector.Matches(exists.Workloads.Single().Labels), Is.True);
            Assert.That(equals.Policies.Single().PodSelector.Matches(equals.Workloads.Single().Labels), Is.False);
            Assert.That(equals.Workloads.Single().Labels["controller-revision-hash"], Is.EqualTo(ControllerLabels.Unknown));
        }
    }

    [TestCase("batch.kubernetes.io/job-name")]
    [TestCase("job-name")]
    [Description("k8s docs (Job): the Job's pods are labelled batch.kubernetes.io/job-name and job-name with the Job's name.")]
    public void Job_PolicySelectsJobName_SelectsTheJob(string key)
    {
        var cluster = Load(Workload("Job", "migrate"), Workload("Job", "other"), DenyIngress($"{{matchLabels: {{{key}: migrate}}}}"));

        var selector = cluster.Policies.Single().PodSelector;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(selector.Matches(Single(cluster, "migrate").Labels), Is.True);
            Assert.That(selector.Matches(Single(cluster, "other").Labels), Is.False);
        }
    }

    [TestCase("batch.kubernetes.io/controller-uid")]
    [TestCase("controller-uid")]
    [Description("k8s docs (Job): the pods carry batch.kubernetes.io/controller-uid and controller-uid, the Job's uid; known only when metadata.uid is given.")]
    public void Job_ControllerUid_MatchesOnlyAWrittenUid(string key)
    {
        const string Uid = "5f3c6c58-2b4e-4d59-9f1d-7a3f7d0e0a11";
        var cluster = Load(
            Workload("Job", "with-uid", metadata: $", uid: {Uid}"), Workload("Job", "without-uid"),
            DenyIngress($"{{matchLabels: {{{key}: {Uid}}}}}"));

        var selector = cluster.Policies.Single().PodSelector;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(selector.Matches(Single(cluster, "with-uid").Labels), Is.True);
            Assert.That(selector.Matches(Single(cluster, "without-uid").Labels), Is.False);
            Assert.That(Single(cluster, "without-uid").Labels[key], Is.EqualTo(ControllerLabels.Unknown));
        }
    }

    [Test]
    [Description("k8s docs (CronJob): each run is a Job named after the CronJob and the scheduled time, so job-name exists " +
                 "but no written value can be known to equal it.")]
    public void CronJob_JobNameExists_ButItsValueIsUnknown()
    {
        var exists = Load(Workload("CronJob", "backup"), DenyIngress("{matchExpressions: [{key: batch.kubernetes.io/job-name, operator: Exists}]}"));
        var equals = Load(Workload("CronJob", "backup"), DenyIngress("{matchLabels: {job-name: backup}}"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exists.Policies.Single().PodSelector.Matches(exists.Workloads.Single().Labels), Is.True);
            Assert.That(equals.Policies.Single().PodSelector.Matches(equals.Workloads.Single().Labels), Is.False);
        }
    }

    [Test]
    [Description("k8s docs (CronJob, Job): a Job the CronJob created carries its own name in job-name, and its pods join the CronJob.")]
    public void CronJob_CreatedJobInInputs_JobNameIsKnown()
    {
        var job = Workload("Job", "backup-28930020", metadata: ", ownerReferences: [{apiVersion: batch/v1, kind: CronJob, name: backup, uid: u9, controller: true}]");
        var cluster = Load(Workload("CronJob", "backup"), job, DenyIngress("{matchLabels: {job-name: backup-28930020}}"));

        var workload = cluster.Workloads.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(workload.Id, Is.EqualTo("shop/backup"));
            Assert.That(cluster.Policies.Single().PodSelector.Matches(workload.Labels), Is.True);
        }
    }

    [Test]
    [Description("k8s docs (Deployment, pod-template-hash label): the Deployment controller adds pod-template-hash, a hash of the " +
                 "template, to the ReplicaSet's pod template labels; without the ReplicaSet its value is unknown.")]
    public void Deployment_PodTemplateHash_ExistsAndMatchesOnlyTheReplicaSetsValue()
    {
        var replicaSet = Workload("ReplicaSet", "web-7d9f", "app: web, pod-template-hash: 7d9f", "replicas: 2",
            ", ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: u1, controller: true}]");
        var exists = Load(Workload("Deployment", "web", "app: web"), DenyIngress("{matchExpressions: [{key: pod-template-hash, operator: Exists}]}"));
        var unknown = Load(Workload("Deployment", "web", "app: web"), DenyIngress("{matchLabels: {pod-template-hash: 7d9f}}"));
        var known = Load(Workload("Deployment", "web", "app: web"), replicaSet, DenyIngress("{matchLabels: {pod-template-hash: 7d9f}}"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exists.Policies.Single().PodSelector.Matches(exists.Workloads.Single().Labels), Is.True);
            Assert.That(unknown.Policies.Single().PodSelector.Matches(unknown.Workloads.Single().Labels), Is.False);
            Assert.That(known.Workloads.Select(w => w.Id), Is.EqualTo(new[] { "shop/web" }));
            Assert.That(known.Policies.Single().PodSelector.Matches(known.Workloads.Single().Labels), Is.True);
        }
    }

    [TestCase("controller-revision-hash")]
    [TestCase("pod-template-generation")]
    [Description("k8s docs (DaemonSet updates, well-known labels): DaemonSet pods carry controller-revision-hash and pod-template-generation.")]
    public void DaemonSet_RevisionLabels_Exist(string key)
    {
        var cluster = Load(Workload("DaemonSet", "agent"), DenyIngress($"{{matchExpressions: [{{key: {key}, operator: Exists}}]}}"));

        Assert.That(cluster.Policies.Single().PodSelector.Matches(cluster.Workloads.Single().Labels), Is.True);
    }

    [Test]
    [Description("k8s docs (Deployment rollout): during a rollout the old and the new ReplicaSet both have pods; a policy selecting " +
                 "version=v2 selects only the new ReplicaSet's pods (NetworkPolicy: a pod is isolated when a policy selects it).")]
    public void Rollout_ReplicaSetsInInputs_PolicyOnNewVersionIsolatesOnlyThem()
    {
        const string Owner = ", ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: u1, controller: true}]";
        var cluster = Load(
            Workload("Deployment", "web", "app: web, version: v2", "replicas: 3"),
            Workload("ReplicaSet", "web-aaa", "app: web, version: v1, pod-template-hash: aaa", "replicas: 2", Owner),
            Workload("ReplicaSet", "web-bbb", "app: web, version: v2, pod-template-hash: bbb", "replicas: 1", Owner),
            Workload("Deployment", "client"),
            DenyIngress("{matchLabels: {version: v2}}"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Ids(cluster), Is.EqualTo(new[] { "shop/client", "shop/web-aaa", "shop/web-bbb" }));
            Assert.That(Single(cluster, "web-aaa").Replicas, Is.EqualTo(2));
            Assert.That(Single(cluster, "web-bbb").Controller, Is.EqualTo(new ObjectRef("Deployment", "shop", "web")));
            Assert.That(IngressAllowed(cluster, "shop/client", "shop/web-bbb"), Is.False);
            Assert.That(IngressAllowed(cluster, "shop/client", "shop/web-aaa"), Is.True);
        }
    }

    [Test]
    [Description("k8s docs (Deployment): pods of a Deployment's ReplicaSets (owner missing from a pod dump) join the Deployment; " +
                 "labels differ per ReplicaSet during a rollout, and a policy on the new version selects only its pods.")]
    public void Rollout_LivePods_ArePerReplicaSet()
    {
        var cluster = Load(
            LivePod("web-aaa-x1", "app: web, version: v1, pod-template-hash: aaa", "web-aaa", ip: "10.0.0.1"),
            LivePod("web-aaa-x2", "app: web, version: v1, pod-template-hash: aaa", "web-aaa", ip: "10.0.0.2"),
            LivePod("web-bbb-y1", "app: web, version: v2, pod-template-hash: bbb", "web-bbb", ip: "10.0.0.3"),
            DenyIngress("{matchLabels: {version: v2}}"));

        var v1 = Single(cluster, "web-aaa");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Ids(cluster), Is.EqualTo(new[] { "shop/web-aaa", "shop/web-bbb" }));
            Assert.That(v1.PodNames, Is.EqualTo(new[] { "web-aaa-x1", "web-aaa-x2" }));
            Assert.That(v1.PodIps.Select(ip => ip.ToString()), Is.EqualTo(new[] { "10.0.0.1", "10.0.0.2" }));
            Assert.That(IngressAllowed(cluster, "shop/web-aaa", "shop/web-bbb"), Is.False);
            Assert.That(IngressAllowed(cluster, "shop/web-bbb", "shop/web-aaa"), Is.True);
        }
    }

    [Test]
    [Description("NetworkPolicy docs: a pod is isolated for ingress when a policy selects it; a quarantine label put on one live pod " +
                 "makes a policy selecting it isolate that pod only, while its replicas stay reachable.")]
    public void Quarantine_LabelOnOneLivePod_IsolatesThatPodOnly()
    {
        var cluster = Load(
            LivePod("web-aaa-x1", "app: web, pod-template-hash: aaa", "web-aaa", ip: "10.0.0.1"),
            LivePod("web-aaa-x2", "app: web, pod-template-hash: aaa, quarantine: \"true\"", "web-aaa", ip: "10.0.0.2"),
            LivePod("web-aaa-x3", "app: web, pod-template-hash: aaa", "web-aaa", ip: "10.0.0.3"),
            DenyIngress("{matchLabels: {quarantine: \"true\"}}"));

        var rest = Single(cluster, "web");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Ids(cluster), Is.EqualTo(new[] { "shop/web", "shop/web-aaa-x2" }));
            Assert.That(rest.PodNames, Is.EqualTo(new[] { "web-aaa-x1", "web-aaa-x3" }));
            Assert.That(rest.Replicas, Is.EqualTo(2));
            Assert.That(IngressAllowed(cluster, "shop/web", "shop/web-aaa-x2"), Is.False);
            Assert.That(IngressAllowed(cluster, "shop/web-aaa-x2", "shop/web"), Is.True);
        }
    }

    [TestCase("argocd/argocd-redis-ha-server", new[] { "argocd/argocd-redis-ha-server-0", "argocd/argocd-redis-ha-server-1", "argocd/argocd-redis-ha-server-2" })]
    [TestCase("sts/argocd-redis-ha-server", new[] { "argocd/argocd-redis-ha-server-0", "argocd/argocd-redis-ha-server-1", "argocd/argocd-redis-ha-server-2" })]
    [TestCase("argocd/argocd-redis-ha-server-1", new[] { "argocd/argocd-redis-ha-server-1" })]
    [TestCase("pod/argocd-redis-ha-server-2", new[] { "argocd/argocd-redis-ha-server-2" })]
    public void SubjectQuery_SplitStatefulSet_ControllerNamesEveryPartAndAPodItsOwn(string text, string[] expected)
    {
        var cluster = Load(
            StatefulSet("argocd-redis-ha-server", 3, "argocd"),
            ServiceFor("announce-0", "statefulset.kubernetes.io/pod-name: argocd-redis-ha-server-0", "argocd"),
            ServiceFor("announce-1", "statefulset.kubernetes.io/pod-name: argocd-redis-ha-server-1", "argocd"));
        var matrix = Evaluator.Evaluate(cluster);

        Assert.That(SubjectQuery.TryParse(text, out var query, out var error), Is.True, error);
        Assert.That(query!.Bind("argocd").Resolve(matrix).Select(i => matrix.Subjects[i].Id), Is.EqualTo(expected));
    }

    [Test]
    public void SubjectQuery_PodOfTheRestPart_IsNotClaimedByIt()
    {
        var cluster = Load(StatefulSet("db", 3), ServiceFor("db-1", "statefulset.kubernetes.io/pod-name: db-1"));
        var matrix = Evaluator.Evaluate(cluster);

        Assert.That(SubjectQuery.TryParse("shop/db-1", out var query, out _), Is.True);
        Assert.That(query!.Resolve(matrix).Select(i => matrix.Subjects[i].Id), Is.EqualTo(new[] { "shop/db-1" }));
    }

    [Test]
    [Description("As audit reads it: live objects from the API, a quarantine label put on one of web's two pods " +
                 "(kubectl label pod), and a policy opening TCP 9090 to quarantined pods (policies add up) opens it to that pod only.")]
    public void Quarantine_LiveObjectsFromTheApi_PolicyAppliesToThatPodOnly()
    {
        var items = LiveShop.Items().Select(i => (JsonObject)i.DeepClone()).ToList();
        var pod = items.Single(i => (string?)i["kind"] == "Pod" && (string?)i["metadata"]!["name"] == "web-7d9c8f6b5d-p2m7q");
        pod["metadata"]!["labels"]!["quarantine"] = "true";
        items.Add(JsonNode.Parse("""
            {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
             "metadata": {"name": "forensics", "namespace": "shop", "uid": "q1"},
             "spec": {"podSelector": {"matchLabels": {"quarantine": "true"}}, "ingress": [{"ports": [{"port": 9090}]}]}}
            """)!.AsObject());

        var result = ManifestLoader.LoadLive("kind-shop", items);
        var cluster = result.Cluster;
        const string Quarantined = "shop/web-7d9c8f6b5d-p2m7q", Other = "shop/web-7d9c8f6b5d-4xk9z";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Diagnostics, Is.Empty, () => string.Join("\n", result.Diagnostics));

            // Both parts are one pod each, so both are named after their pod (docs/workloads.md).
            Assert.That(cluster.Workloads.Where(w => w.Controller is not null).Select(w => w.Id), Is.EquivalentTo(new[] { Quarantined, Other }));
            Assert.That(cluster.Workloads.Single(w => w.Id == Other).HasSeveralPods, Is.False);
            Assert.That(Allowed(cluster, LiveShop.CoreDns, Quarantined).Contains(Protocol.Tcp, 9090), Is.True);
            Assert.That(Allowed(cluster, LiveShop.CoreDns, Other).Contains(Protocol.Tcp, 9090), Is.False);
            Assert.That(Allowed(cluster, LiveShop.CoreDns, Other).Contains(Protocol.Tcp, 8080), Is.True, "as to web before");
            Assert.That(Allowed(cluster, LiveShop.CoreDns, Quarantined).Contains(Protocol.Tcp, 8080), Is.True, "web's own policy still applies");
        }
    }

    [Test]
    [Description("k8s docs (StatefulSet, Stable Network ID): each pod of a StatefulSet governed by a headless Service " +
                 "gets the DNS name <pod>.<service>.<namespace>.svc.cluster.local, split or not.")]
    public void StatefulSet_Split_HeadlessServiceStillNamesEveryPodOnce()
    {
        var headless = """
            apiVersion: v1
            kind: Service
            metadata: {name: db, namespace: shop}
            spec:
              clusterIP: None
              selector: {app: db}
              ports: [{port: 6379}]
            """;
        var cluster = Load(StatefulSet("db", 3, start: 1), headless, ServiceFor("db-2", "statefulset.kubernetes.io/pod-name: db-2"));

        var names = ServiceDns.PodNames(ServiceEndpoints.Of(cluster, cluster.Services.Single(s => s.Name == "db")));
        Assert.That(names.Select(n => $"{n.Workload} {n.Name}"), Is.EquivalentTo(new[]
        {
            "shop/db db-1.db.shop.svc.cluster.local", "shop/db db-3.db.shop.svc.cluster.local", "shop/db-2 db-2.db.shop.svc.cluster.local",
        }));
    }

    [Test]
    public void NoSelectorTellsPodsApart_ControllerStaysOneSubject()
    {
        var cluster = Load(StatefulSet("db", 3), ServiceFor("db", "app: db"), DenyIngress("{matchLabels: {app: db}}"));

        var db = cluster.Workloads.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(db.Id, Is.EqualTo("shop/db"));
            Assert.That(db.Controller, Is.Null);
            Assert.That(db.PodNames, Is.Empty);
            Assert.That(db.Labels, Is.EqualTo(Labels.Of(("app", "db"))));
        }
    }

    [Test]
    public void PeerSelectorOfOtherNamespace_DoesNotSplitPodsWhereItsNamespaceSelectorDoesNotMatch()
    {
        const string Policy = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: p, namespace: other}
            spec:
              podSelector: {}
              ingress:
              - from:
                - podSelector: {matchLabels: {statefulset.kubernetes.io/pod-name: db-0}}
                  namespaceSelector: {matchLabels: {team: x}}
            """;
        var elsewhere = Load(StatefulSet("db", 2), Policy);
        var here = Load(StatefulSet("db", 2), "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {team: x}}", Policy);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Ids(elsewhere), Is.EqualTo(new[] { "shop/db" }));
            Assert.That(Ids(here), Is.EqualTo(new[] { "shop/db-0", "shop/db-1" }));
        }
    }

    [Test]
    public void SplitPartName_TakenByAnotherWorkload_IsPrefixedWithItsController()
    {
        var cluster = Load(StatefulSet("db", 2), StatefulSet("db-0", 1), ServiceFor("first", "statefulset.kubernetes.io/pod-name: db-0"));

        Assert.That(Ids(cluster), Is.EqualTo(new[] { "shop/db-0", "shop/db-1", "shop/db:db-0" }));
    }

    [Test]
    public void StatefulSet_ManyReplicas_OnlyNamedPodsAreSplit()
    {
        var cluster = Load(StatefulSet("db", 2_000_000_000), ServiceFor("one", "statefulset.kubernetes.io/pod-name: db-7"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Ids(cluster), Is.EqualTo(new[] { "shop/db", "shop/db-7" }));
            Assert.That(Single(cluster, "db").Replicas, Is.EqualTo(1_999_999_999));
        }
    }
}
