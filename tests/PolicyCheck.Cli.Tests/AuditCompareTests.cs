using System.Text.Json;
using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests;

/// <summary>
/// policycheck audit compare: the live-shop cluster (plus a debugging policy someone applied by hand) against
/// manifests that say the same in other words, change one policy, and add one.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class AuditCompareTests
{
    /// <summary>Applied to the cluster by hand, never committed: lets anything reach db.</summary>
    private const string DebugPolicy = """
        {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
         "metadata": {"name": "debug-allow-all", "namespace": "shop"},
         "spec": {"podSelector": {"matchLabels": {"app": "db"}}, "policyTypes": ["Ingress"], "ingress": [{}]}}
        """;

    private const string Workloads = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop, labels: {team: shop}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: web
                image: shop/web:2.3.1
                ports: [{name: http, containerPort: 8080}]
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, namespace: shop}
        spec:
          serviceName: db
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec:
              containers:
              - name: postgres
                image: postgres:17
                ports: [{name: postgres, containerPort: 5432}]
        """;

    /// <summary>
    /// default-deny and web mean what the cluster's do, written differently (order of policyTypes, rules and ports;
    /// TCP left to its default; matchLabels as an In expression). db also allows 5433. allow-metrics is new.
    /// </summary>
    private const string Policies = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: default-deny, namespace: shop}
        spec:
          podSelector: {matchLabels: {}}
          policyTypes: [Egress, Ingress]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web, namespace: shop}
        spec:
          podSelector:
            matchExpressions: [{key: app, operator: In, values: [web]}]
          policyTypes: [Ingress, Egress]
          ingress:
          - ports: [{port: 8080}]
          egress:
          - to:
            - podSelector: {matchLabels: {k8s-app: kube-dns}}
              namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
            ports: [{port: 53}, {port: 53, protocol: UDP}]
          - to: [{podSelector: {matchLabels: {app: db}}}]
            ports: [{port: 5432}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: db}}
          policyTypes: [Ingress]
          ingress:
          - from: [{podSelector: {matchLabels: {app: web}}}]
            ports: [{port: 5432}, {port: 5433}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: allow-metrics, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          ingress:
          - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}]
            ports: [{port: 9090}]
        """;

    [Test]
    public async Task Compare_ReportsPolicyWorkloadAndConnectionDrift_ByMeaning()
    {
        await using var cluster = await AuditCluster.StartAsync(api => api.WithObject(DebugPolicy));
        var manifests = WriteManifests();

        var result = await AuditCluster.RunAsync("audit", "--kubeconfig", cluster.TokenKubeconfig, "compare", manifests, "--format", "json");

        Assert.That(result.ExitCode, Is.Zero, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        string[] Names(JsonElement list) => [.. list.EnumerateArray().Select(p => $"{p.GetProperty("namespace").GetString()}/{p.GetProperty("name").GetString()}")];
        string[] Strings(JsonElement list) => [.. list.EnumerateArray().Select(p => p.GetString()!)];
        var policies = root.GetProperty("policies");
        var connections = root.GetProperty("connections");
        var onlyCluster = connections.GetProperty("onlyInCluster").EnumerateArray().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.GetProperty("drift").GetBoolean(), Is.True);
            Assert.That(Names(policies.GetProperty("onlyInCluster")), Is.EqualTo(new[] { "shop/debug-allow-all" }));
            Assert.That(Names(policies.GetProperty("onlyInManifests")), Is.EqualTo(new[] { "shop/allow-metrics" }));
            Assert.That(Names(policies.GetProperty("different")), Is.EqualTo(new[] { "shop/db" }), "default-deny and web mean the same");
            Assert.That(Strings(policies.GetProperty("different")[0].GetProperty("parts")), Is.EqualTo(new[] { "ingress" }));
            Assert.That(Strings(root.GetProperty("workloads").GetProperty("onlyInCluster")), Is.EqualTo(new[] { "kube-system/coredns", LiveShop.KubeProxy }),
                "the loader groups the pods of ReplicaSet coredns-5d78c9869d under the Deployment coredns");
            Assert.That(Strings(root.GetProperty("workloads").GetProperty("onlyInManifests")), Is.Empty,
                "the loader groups the pods of ReplicaSet web-7d9c8f6b5d under the Deployment web, as the manifests name it");
            // Outside addresses may reach db on every port only in the cluster (debug-allow-all); web's egress still
            // limits web -> db to 5432 on both sides, so db's extra 5433 changes no connection.
            Assert.That(onlyCluster, Is.Not.Empty);
            Assert.That(onlyCluster.Select(c => c.GetProperty("to").GetString()), Has.All.EqualTo(LiveShop.Db));
            Assert.That(onlyCluster.Select(c => c.GetProperty("from").GetString()), Has.None.EqualTo(LiveShop.Web));
            Assert.That(onlyCluster.Select(c => c.GetProperty("cluster").GetString()), Has.All.EqualTo("all"));
            Assert.That(connections.GetProperty("onlyInManifests").GetArrayLength(), Is.Zero);
            Assert.That(connections.GetProperty("differentPorts").GetArrayLength(), Is.Zero);
        }
    }

    [Test]
    public async Task Compare_FailOnDrift_ExitsWith1AndTextNamesTheDrift()
    {
        await using var cluster = await AuditCluster.StartAsync(api => api.WithObject(DebugPolicy));

        var result = await AuditCluster.RunAsync("audit", "--kubeconfig", cluster.TokenKubeconfig, "compare", WriteManifests(), "--fail-on-drift");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Findings), result.Error);
            Assert.That(result.Output, Does.Contain("NetworkPolicies only in the cluster (1):\n  shop/debug-allow-all  cluster://kind-shop/shop/NetworkPolicy/debug-allow-all:1:1"));
            Assert.That(result.Output, Does.Contain("shop/db: ingress differ"));
        }
    }

    [Test]
    public async Task Compare_WithItsOwnSnapshot_FindsNoDrift()
    {
        await using var cluster = await AuditCluster.StartAsync();
        var snapshot = Path.Combine(cluster.Folder, "snapshot.yaml");

        var save = await AuditCluster.RunAsync("audit", "--kubeconfig", cluster.TokenKubeconfig, "--save", snapshot, "matrix");
        var result = await AuditCluster.RunAsync("audit", "--kubeconfig", cluster.TokenKubeconfig, "compare", snapshot, "--fail-on-drift", "--format", "md");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(save.ExitCode, Is.Zero, save.Error);
            Assert.That(result.ExitCode, Is.Zero, result.Output + result.Error);
            Assert.That(result.Output, Does.Contain("No drift"));
        }
    }

    [Test]
    [Description("Issue #14: manifests holding a policy kind PolicyCheck does not evaluate make the comparison incomplete (exit 2) unless --ignore-kind acknowledges it.")]
    public async Task Compare_ManifestsWithUnevaluatedPolicyKind_IsExitCode2UnlessAcknowledged()
    {
        await using var cluster = await AuditCluster.StartAsync();
        var snapshot = Path.Combine(cluster.Folder, "snapshot.yaml");
        var save = await AuditCluster.RunAsync("audit", "--kubeconfig", cluster.TokenKubeconfig, "--save", snapshot, "matrix");
        File.AppendAllText(snapshot, "\n---\napiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: l7, namespace: shop}\nspec: {endpointSelector: {}}\n");

        var plain = await AuditCluster.RunAsync("audit", "--kubeconfig", cluster.TokenKubeconfig, "compare", snapshot);
        var acknowledged = await AuditCluster.RunAsync("audit", "--kubeconfig", cluster.TokenKubeconfig, "compare", snapshot, "--ignore-kind", "CiliumNetworkPolicy");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(save.ExitCode, Is.Zero, save.Error);
            Assert.That(plain.ExitCode, Is.EqualTo((int)ExitCode.IncompleteInput), plain.Error);
            Assert.That(plain.Error, Does.Contain("warning PC0055: CiliumNetworkPolicy 'shop/l7' (cilium.io) is not evaluated"));
            Assert.That(acknowledged.ExitCode, Is.Zero, acknowledged.Output + acknowledged.Error);
        }
    }

    private static string WriteManifests()
    {
        var folder = TempFolder.Scratch();
        File.WriteAllText(Path.Combine(folder, "workloads.yaml"), Workloads);
        File.WriteAllText(Path.Combine(folder, "policies.yaml"), Policies);
        return folder;
    }
}
