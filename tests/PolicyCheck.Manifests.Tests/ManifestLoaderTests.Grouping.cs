using System.Net;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Manifests.Tests;

public sealed partial class ManifestLoaderTests
{
    private const string WebDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          replicas: 5
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: web
                ports: [{containerPort: 8080, name: http}]
        """;

    private const string WebReplicaSet = """
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: web-7d9f
          namespace: shop
          ownerReferences:
          - {apiVersion: apps/v1, kind: Deployment, name: web, uid: u1, controller: true}
        spec:
          replicas: 2
          template:
            metadata: {labels: {app: web, pod-template-hash: 7d9f}}
            spec: {containers: [{name: web, ports: [{containerPort: 8080, name: http}]}]}
        """;

    private static string WebPod(string name, string ip, string phase = "Running", string owner = "web-7d9f", string ownerKind = "ReplicaSet", string hash = "7d9f") => $$"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {{name}}
          namespace: shop
          labels: {app: web, pod-template-hash: "{{hash}}", version: "{{name}}"}
          ownerReferences:
          - {apiVersion: apps/v1, kind: {{ownerKind}}, name: {{owner}}, uid: u2, controller: true}
        spec:
          containers:
          - name: web
            ports: [{containerPort: 8080, name: http}, {containerPort: 15090, name: envoy-prom}]
        status: {phase: {{phase}}, podIP: {{ip}}}
        """;

    private static string Documents(params string[] documents) => string.Join("\n---\n", documents);

    [Test]
    [Description("k8s docs: a Deployment owns ReplicaSets, which own the pods (ownerReferences with controller: true).")]
    public void Pods_OfReplicaSetOfDeployment_AreOneDeploymentWorkload()
    {
        var result = Load(Documents(
            WebPod("web-7d9f-zz", "10.0.0.3"),
            WebPod("web-7d9f-aa", "10.0.0.1"),
            WebReplicaSet,
            WebDeployment,
            WebPod("web-7d9f-mm", "10.0.0.2")));

        Assert.That(result.Diagnostics, Is.Empty);
        var web = SingleWorkload(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(web.Kind, Is.EqualTo(WorkloadKind.Deployment));
            Assert.That(web.Id, Is.EqualTo("shop/web"));
            Assert.That(web.PodNames, Is.EqualTo(new[] { "web-7d9f-aa", "web-7d9f-mm", "web-7d9f-zz" }));
            Assert.That(web.PodIps, Is.EqualTo(new[] { IPAddress.Parse("10.0.0.1"), IPAddress.Parse("10.0.0.2"), IPAddress.Parse("10.0.0.3") }));
            Assert.That(web.Replicas, Is.EqualTo(5), "declared by the Deployment");
            Assert.That(web.Labels, Is.EqualTo(new Dictionary<string, string>
            {
                ["app"] = "web",
                ["pod-template-hash"] = "7d9f",
                ["version"] = "web-7d9f-aa",
            }), "from the first pod by name");
            Assert.That(web.Ports.Select(p => p.Name), Is.EqualTo(new[] { "http" }), "from the template");
            // The Deployment's own span: after two 13-line pods, the 12-line ReplicaSet and three "---" lines.
            Assert.That((web.Span.Line, web.Span.Column), Is.EqualTo((42, 1)));
        }
    }

    [Test]
    public void Pods_ReplicaSetMissing_AreMatchedToTheirDeploymentByTemplateHash()
    {
        var result = Load(Documents(WebDeployment, WebPod("web-7d9f-aa", "10.0.0.1")));

        var web = SingleWorkload(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((web.Kind, web.Id), Is.EqualTo((WorkloadKind.Deployment, "shop/web")));
            Assert.That(web.PodNames, Is.EqualTo(new[] { "web-7d9f-aa" }));
        }
    }

    [Test]
    public void ReplicaSet_OwnedByDeploymentNotInInputs_IsFoldedIntoADeploymentWorkload()
    {
        var result = Load(Documents(WebReplicaSet));

        var web = SingleWorkload(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((web.Kind, web.Id), Is.EqualTo((WorkloadKind.Deployment, "shop/web")));
            Assert.That(web.Replicas, Is.EqualTo(2), "the ReplicaSet's replicas, as no pods were loaded");
            Assert.That(web.Labels["pod-template-hash"], Is.EqualTo("7d9f"));
            Assert.That(web.PodNames, Is.Empty);
        }
    }

    [Test]
    [Description("k8s docs (Deployments): the Deployment controller names a ReplicaSet [DEPLOYMENT-NAME]-[HASH] and " +
                 "adds the pod-template-hash label with that HASH to the ReplicaSet's pods.")]
    public void Pods_ReplicaSetAndDeploymentMissing_HashMatches_AreOneDeploymentWorkload()
    {
        var result = Load(Documents(
            WebPod("web-7d9f-bb", "10.0.0.2"),
            WebPod("web-7d9f-aa", "10.0.0.1")));

        var web = SingleWorkload(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((web.Kind, web.Id), Is.EqualTo((WorkloadKind.Deployment, "shop/web")));
            Assert.That(web.Replicas, Is.EqualTo(2), "one per pod loaded");
            Assert.That(web.PodNames, Is.EqualTo(new[] { "web-7d9f-aa", "web-7d9f-bb" }));
            Assert.That(web.Labels["version"], Is.EqualTo("web-7d9f-aa"));
            Assert.That(web.Ports.Select(p => p.Name), Is.EqualTo(new[] { "http", "envoy-prom" }), "no template, so the pod's");
            Assert.That(web.PodIps, Has.Length.EqualTo(2));
        }
    }

    [Test]
    [Description("During a rollout a Deployment has an old and a new ReplicaSet, each with its own pod-template-hash.")]
    public void Pods_TwoReplicaSetsOfOneDeploymentMissing_AreOneDeploymentWorkload()
    {
        var result = Load(Documents(
            WebPod("web-7d9f-aa", "10.0.0.1"),
            WebPod("web-5c4b-cc", "10.0.0.3", owner: "web-5c4b", hash: "5c4b")));

        var web = SingleWorkload(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((web.Kind, web.Id), Is.EqualTo((WorkloadKind.Deployment, "shop/web")));
            Assert.That(web.PodNames, Is.EqualTo(new[] { "web-5c4b-cc", "web-7d9f-aa" }));
            Assert.That(web.Replicas, Is.EqualTo(2));
        }
    }

    [TestCase("web-7d9f", "abcd", TestName = "Pods_ReplicaSetMissing_HashIsNotTheNameSuffix_KeepTheReplicaSet")]
    [TestCase("web7d9f", "7d9f", TestName = "Pods_ReplicaSetMissing_HashWithoutDash_KeepTheReplicaSet")]
    [TestCase("7d9f", "7d9f", TestName = "Pods_ReplicaSetMissing_NameIsOnlyTheHash_KeepTheReplicaSet")]
    [TestCase("web-7d9f", "", TestName = "Pods_ReplicaSetMissing_EmptyHash_KeepTheReplicaSet")]
    public void Pods_ReplicaSetMissing_NotNamedAfterADeployment_KeepTheReplicaSet(string owner, string hash)
    {
        var result = Load(Documents(
            WebPod("web-1", "10.0.0.1", owner: owner, hash: hash),
            WebPod("web-2", "10.0.0.2", owner: owner, hash: hash)));

        var web = SingleWorkload(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((web.Kind, web.Id), Is.EqualTo((WorkloadKind.ReplicaSet, "shop/" + owner)));
            Assert.That(web.Replicas, Is.EqualTo(2), "one per pod loaded");
        }
    }

    [Test]
    public void Pods_ReplicaSetLoadedWithoutOwner_StayUnderTheReplicaSet()
    {
        var replicaSet = WebReplicaSet.Replace(
            "  ownerReferences:\n  - {apiVersion: apps/v1, kind: Deployment, name: web, uid: u1, controller: true}\n", "", StringComparison.Ordinal);
        Assert.That(replicaSet, Does.Not.Contain("ownerReferences"));

        var result = Load(Documents(replicaSet, WebPod("web-7d9f-aa", "10.0.0.1")));

        var web = SingleWorkload(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((web.Kind, web.Id), Is.EqualTo((WorkloadKind.ReplicaSet, "shop/web-7d9f")), "a loaded ReplicaSet is followed by its own ownerReferences only");
            Assert.That(web.Replicas, Is.EqualTo(2), "declared by the ReplicaSet");
            Assert.That(web.PodNames, Is.EqualTo(new[] { "web-7d9f-aa" }));
        }
    }

    [TestCase("StatefulSet")]
    [TestCase("DaemonSet")]
    public void Pods_OtherOwnerKindMissing_NameEndsInTheHash_KeepTheOwner(string kind)
    {
        var result = Load(Documents(
            WebPod("web-7d9f-aa", "10.0.0.1", ownerKind: kind),
            WebPod("web-7d9f-bb", "10.0.0.2", ownerKind: kind)));

        var web = SingleWorkload(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((web.Kind.ToString(), web.Id), Is.EqualTo((kind, "shop/web-7d9f")), "only a ReplicaSet is named after a Deployment");
            Assert.That(web.Replicas, Is.EqualTo(2));
        }
    }

    [TestCase("Succeeded")]
    [TestCase("Failed")]
    public void Pods_Finished_AreIgnoredAndCounted(string phase)
    {
        var result = Load(Documents(
            WebPod("web-7d9f-aa", "10.0.0.1", phase),
            WebPod("web-7d9f-bb", "10.0.0.2", phase),
            WebPod("web-7d9f-cc", "10.0.0.3", "Running")));

        var web = SingleWorkload(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(web.PodNames, Is.EqualTo(new[] { "web-7d9f-cc" }));
            Assert.That(result.Statistics.SkippedKinds, Is.EqualTo(new Dictionary<string, int> { ["Pod"] = 2 }));
            Assert.That(result.Statistics.Objects, Is.EqualTo(3));
        }
    }

    [Test]
    public void Pods_OfJobOfCronJob_GroupUnderTheCronJob()
    {
        var result = Load("""
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: report}
            spec:
              schedule: "@hourly"
              jobTemplate: {spec: {template: {metadata: {labels: {app: report}}, spec: {containers: [{name: c}]}}}}
            ---
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: report-28001
              ownerReferences: [{apiVersion: batch/v1, kind: CronJob, name: report, uid: u, controller: true}]
            spec: {template: {metadata: {labels: {app: report}}, spec: {containers: [{name: c}]}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: report-28001-x
              labels: {app: report, job-name: report-28001}
              ownerReferences: [{apiVersion: batch/v1, kind: Job, name: report-28001, uid: u, controller: true}]
            spec: {containers: [{name: c}]}
            """);

        var report = SingleWorkload(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((report.Kind, report.Id), Is.EqualTo((WorkloadKind.CronJob, "default/report")));
            Assert.That(report.PodNames, Is.EqualTo(new[] { "report-28001-x" }));
        }
    }

    [Test]
    [Description("k8s docs: static pods' mirror pods are owned (controller: true) by their Node, which is no workload.")]
    public void Pods_OwnedByANodeOrNotByAController_AreBarePods()
    {
        var result = Load("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: kube-apiserver-node1
              namespace: kube-system
              ownerReferences: [{apiVersion: v1, kind: Node, name: node1, uid: n, controller: true}]
            spec: {containers: [{name: c}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: adopted
              ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: rs, uid: r}]
            spec: {containers: [{name: c}]}
            """);

        Assert.That(result.Cluster.Workloads.Select(w => (w.Kind, w.Id)), Is.EqualTo(new[]
        {
            (WorkloadKind.Pod, "default/adopted"),
            (WorkloadKind.Pod, "kube-system/kube-apiserver-node1"),
        }));
    }
}
