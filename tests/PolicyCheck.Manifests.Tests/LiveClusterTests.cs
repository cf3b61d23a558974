using System.Text.Json.Nodes;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.TestKit;

namespace PolicyCheck.Manifests.Tests;

/// <summary>
/// What a cluster gives: <c>kubectl get … -A -o yaml</c> lists, objects read from the API (cluster:// locations),
/// EndpointSlices, and the snapshot an audit saves.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class LiveClusterTests
{
    [Test]
    [Description("kubectl get ns,pods,svc,endpointslices,networkpolicies -A -o yaml prints one 'kind: List'.")]
    public void KubectlGetAllNamespaces_Loads_WithTheHandDerivedMatrix()
    {
        var loaded = ManifestLoader.Load([LiveShop.YamlPath]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(loaded.Diagnostics, Is.Empty, () => string.Join("\n", loaded.Diagnostics));
            Assert.That(loaded.Statistics.Objects, Is.EqualTo(19));
            Assert.That(loaded.Statistics.SkippedKinds, Is.EqualTo(new Dictionary<string, int> { ["Pod"] = 1 }), "the Succeeded Job pod");
            Assert.That(LiveShop.Mismatches(Evaluator.Evaluate(loaded.Cluster)), Is.Empty);
        }
    }

    [Test]
    public void KubectlGetAllNamespaces_GroupsLivePodsUnderTheirOwners()
    {
        var cluster = ManifestLoader.Load([LiveShop.YamlPath]).Cluster;
        var web = cluster.Workloads.Single(w => w.Name == "web");
        var proxy = cluster.Workloads.Single(w => w.Name == "kube-proxy");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(web.Kind, Is.EqualTo(WorkloadKind.Deployment), "ReplicaSet 'web-7d9c8f6b5d' is not listed; its name is 'web' + '-' + the pods' pod-template-hash");
            Assert.That(web.Replicas, Is.EqualTo(2), "the pods found");
            Assert.That(web.PodNames, Is.EqualTo(new[] { "web-7d9c8f6b5d-4xk9z", "web-7d9c8f6b5d-p2m7q" }));
            Assert.That(web.PodIps.Select(ip => ip.ToString()), Is.EqualTo(new[] { "10.244.1.5", "10.244.2.7" }));
            Assert.That(proxy.Kind, Is.EqualTo(WorkloadKind.DaemonSet));
            Assert.That(proxy.HostNetwork, Is.True);
            Assert.That(cluster.FindNamespace("shop").Labels["team"], Is.EqualTo("shop"));
            Assert.That(cluster.Services, Has.Length.EqualTo(4));
        }
    }

    [Test]
    public void LoadLive_ApiObjects_GiveTheSameMatrixAsTheKubectlList()
    {
        var loaded = ManifestLoader.LoadLive("kind-shop", LiveShop.Items());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(loaded.Diagnostics, Is.Empty, () => string.Join("\n", loaded.Diagnostics));
            Assert.That(loaded.Statistics.Files, Is.EqualTo(1), "one cluster read is one input");
            Assert.That(loaded.Statistics.Objects, Is.EqualTo(19));
            Assert.That(LiveShop.Mismatches(Evaluator.Evaluate(loaded.Cluster)), Is.Empty);
        }
    }

    [Test]
    public void LoadLive_EveryObject_IsLocatedByClusterUri()
    {
        var cluster = ManifestLoader.LoadLive("kind-shop", LiveShop.Items()).Cluster;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cluster.Policies.Single(p => p.Name == "web").Span.ToString(), Is.EqualTo("cluster://kind-shop/shop/NetworkPolicy/web:1:1"));
            Assert.That(cluster.Namespaces.Single(n => n.Name == "shop").Span.Path, Is.EqualTo("cluster://kind-shop/Namespace/shop"));
            Assert.That(cluster.Services.Single(s => s.Name == "kube-dns").Span.Path, Is.EqualTo("cluster://kind-shop/kube-system/Service/kube-dns"));
            Assert.That(cluster.Workloads.Single(w => w.Name == "db").Span.Path, Is.EqualTo("cluster://kind-shop/shop/Pod/db-0"));
        }
    }

    [TestCase("arn:aws:eks:eu-west-1:123456789012:cluster/shop", "cluster://arn-aws-eks-eu-west-1-123456789012-cluster-shop/shop/Pod/web")]
    [TestCase("admin@prod", "cluster://admin-prod/shop/Pod/web")]
    [TestCase("gke_proj_europe-west1_shop", "cluster://gke_proj_europe-west1_shop/shop/Pod/web")]
    public void LiveLocation_ContextWithUriCharacters_BecomesAValidHost(string context, string expected)
    {
        var location = LiveLocation.Of(context, "shop", "Pod", "web");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(location, Is.EqualTo(expected));
            Assert.That(Uri.TryCreate(location, UriKind.Absolute, out var uri), Is.True);
            Assert.That(uri!.Scheme, Is.EqualTo("cluster"));
        }
    }

    [Test]
    [Description("Lines and columns count in the object as kubectl get -o json prints it: indented by four spaces.")]
    public void LoadLive_InvalidPolicy_IsReportedAtItsLineInTheRenderedJson()
    {
        var policy = JsonNode.Parse("""
            {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
             "metadata": {"name": "bad", "namespace": "shop", "managedFields": [{"manager": "kubectl"}]},
             "spec": {"podSelector": {}, "ingress": [{"ports": [{"protocol": "HTTP"}]}]}}
            """)!.AsObject();
        // {                                            line 1
        //     "apiVersion": …,                          2
        //     "kind": …,                                3
        //     "metadata": {                             4
        //         "name": "bad",                        5
        //         "namespace": "shop"                   6  (managedFields removed)
        //     },                                        7
        //     "spec": {                                 8
        //         "podSelector": {},                    9
        //         "ingress": [                         10
        //             {                                11
        //                 "ports": [                   12
        //                     {                        13
        //                         "protocol": "HTTP"   14, the value at column 37
        var loaded = ManifestLoader.LoadLive("kind-shop", [policy]);

        var diagnostic = loaded.Diagnostics.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostic.Id, Is.EqualTo(LoadDiagnostics.InvalidProtocol.Id));
            Assert.That(diagnostic.Span.ToString(), Is.EqualTo("cluster://kind-shop/shop/NetworkPolicy/bad:14:37"));
            Assert.That(loaded.Cluster.Policies, Is.Empty);
        }
    }

    [Test]
    public void Snapshot_IsAKindListWithoutManagedFields_ThatLoadsToTheSameMatrix()
    {
        var text = SnapshotWriter.ToText(LiveShop.Items());
        var loaded = ManifestLoader.LoadText(text, "snapshot.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.StartWith("apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n").IgnoreCase.Or.StartWith("apiVersion: v1\r\n"));
            Assert.That(text, Does.Not.Contain("managedFields"));
            Assert.That(text, Does.Contain("prometheus.io/port: \"9153\""), "a string that reads as a number stays a string");
            Assert.That(text, Does.Contain("kubernetes.io/cluster-service: \"true\""), "a string that reads as a boolean stays a string");
            Assert.That(loaded.Diagnostics, Is.Empty, () => string.Join("\n", loaded.Diagnostics));
            Assert.That(loaded.Statistics.Objects, Is.EqualTo(19));
            Assert.That(LiveShop.Mismatches(Evaluator.Evaluate(loaded.Cluster)), Is.Empty);
        }
    }

    [TestCase("yes")]
    [TestCase("0x1F")]
    [TestCase("1.10")]
    [TestCase("")]
    [TestCase("null")]
    [TestCase("~")]
    [TestCase("a: b")]
    [TestCase("- item")]
    [TestCase("line one\nline two")]
    [TestCase("#comment")]
    [TestCase("*alias")]
    public void Snapshot_AwkwardLabelValue_ReadsBackAsTheSameString(string value)
    {
        var ns = JsonNode.Parse("""{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "n", "annotations": {}}}""")!.AsObject();
        ns["metadata"]!["annotations"]!["note"] = value;
        ns["metadata"]!["labels"] = new JsonObject { ["k"] = value.Length == 0 || value == "yes" ? value : "v" };

        var loaded = ManifestLoader.LoadText(SnapshotWriter.ToText([ns]), "snapshot.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(loaded.Diagnostics, Is.Empty, () => string.Join("\n", loaded.Diagnostics));
            Assert.That(loaded.Cluster.Namespaces.Single().Labels["k"], Is.EqualTo(value.Length == 0 || value == "yes" ? value : "v"));
        }
    }
}
