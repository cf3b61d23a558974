using System.Text.Json;
using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests;

/// <summary>
/// policycheck audit on live pods whose labels differ within one controller (docs/workloads.md): a quarantine label
/// put on one web pod during an incident, and a policy that selects quarantined pods.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class AuditPodSplitTests
{
    private const string QuarantinedPod = """
        {"apiVersion": "v1", "kind": "Pod",
         "metadata": {"name": "web-7d9c8f6b5d-q9x8z", "namespace": "shop", "uid": "7a1b2c3d-0000-4000-8000-000000000001",
                      "labels": {"app": "web", "pod-template-hash": "7d9c8f6b5d", "quarantine": "true"},
                      "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "web-7d9c8f6b5d",
                                           "uid": "9b0c1d2e-3f4a-4b5c-9d6e-7f8a9b0c1d2e", "controller": true}]},
         "spec": {"containers": [{"name": "web", "image": "shop/web:2.3.1",
                                  "ports": [{"containerPort": 8080, "name": "http", "protocol": "TCP"}]}]},
         "status": {"phase": "Running", "podIP": "10.244.1.9"}}
        """;

    private const string ForensicsPolicy = """
        {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
         "metadata": {"name": "forensics", "namespace": "shop", "uid": "7a1b2c3d-0000-4000-8000-000000000002"},
         "spec": {"podSelector": {"matchLabels": {"quarantine": "true"}}, "ingress": [{"ports": [{"port": 9090}]}]}}
        """;

    [Test]
    [Description("NetworkPolicy docs: policies add up; one selecting quarantine=true opens TCP 9090 to that pod only, " +
                 "while web's other two pods stay one subject named after the Deployment (the largest part).")]
    public async Task AuditMatrix_QuarantineLabelOnOnePod_IsItsOwnSubject()
    {
        await using var cluster = await AuditCluster.StartAsync(b => b.WithObject(QuarantinedPod).WithObject(ForensicsPolicy));

        var audit = await AuditCluster.RunAsync("audit", "--kubeconfig", cluster.TokenKubeconfig, "matrix", "--format", "json", "--port", "9090");

        Assert.That(audit.ExitCode, Is.Zero, audit.Error);
        using var json = JsonDocument.Parse(audit.Output);
        var ids = json.RootElement.GetProperty("subjects").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ids, Does.Contain(LiveShop.Web).And.Contain("shop/web-7d9c8f6b5d-q9x8z"));
            Assert.That(ids.Count(id => id!.StartsWith("shop/web", StringComparison.Ordinal)), Is.EqualTo(2));
        }
    }

    [Test]
    public async Task AuditList_QuarantineLabelOnOnePod_OpensTheExtraPortToItOnly()
    {
        await using var cluster = await AuditCluster.StartAsync(b => b.WithObject(QuarantinedPod).WithObject(ForensicsPolicy));

        var audit = await AuditCluster.RunAsync("audit", "--kubeconfig", cluster.TokenKubeconfig, "list", "--no-summary", "--port", "9090");

        Assert.That(audit.ExitCode, Is.Zero, audit.Error);
        var lines = audit.Output.Split('\n');
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines.Where(l => l.Contains("-> shop/web-7d9c8f6b5d-q9x8z", StringComparison.Ordinal)), Is.Not.Empty);
            Assert.That(lines.Where(l => l.Contains("-> " + LiveShop.Web + " ", StringComparison.Ordinal)), Is.Empty);
        }
    }
}
