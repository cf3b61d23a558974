using PolicyCheck.Core.Model;

namespace PolicyCheck.Manifests.Tests;

/// <summary>Pod spec fields the Service model needs: enableServiceLinks, and the hostname/subdomain of pods.</summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed partial class ServiceFieldsTests
{
    [Test]
    [Description("k8s API: PodSpec.enableServiceLinks defaults to true.")]
    public void EnableServiceLinks_Absent_IsTrue()
    {
        var workload = LoadOne("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: c, image: nginx}]}
            """);

        Assert.That(workload.EnableServiceLinks, Is.True);
    }

    [Test]
    [Description("k8s API: enableServiceLinks: false stops the kubelet from adding the service variables.")]
    public void EnableServiceLinks_FalseOnTemplateAndPod_IsRead()
    {
        var deployment = LoadOne("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              template:
                metadata: {labels: {app: web}}
                spec: {enableServiceLinks: false, containers: [{name: c, image: nginx}]}
            """);
        var pod = LoadOne("""
            apiVersion: v1
            kind: Pod
            metadata: {name: tool, namespace: shop}
            spec: {enableServiceLinks: false, containers: [{name: c, image: busybox}]}
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deployment.EnableServiceLinks, Is.False);
            Assert.That(pod.EnableServiceLinks, Is.False);
        }
    }

    [Test]
    public void EnableServiceLinks_NotABoolean_IsReported()
    {
        var result = ManifestLoader.LoadText("""
            apiVersion: v1
            kind: Pod
            metadata: {name: tool, namespace: shop}
            spec: {enableServiceLinks: sometimes, containers: [{name: c, image: busybox}]}
            """, "pod.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Diagnostics.Select(d => d.Descriptor.Id), Is.EqualTo(new[] { LoadDiagnostics.WrongType.Id }));
            Assert.That(result.Diagnostics[0].Message, Does.Contain("enableServiceLinks"));
        }
    }

    private static Workload LoadOne(string yaml)
    {
        var result = ManifestLoader.LoadText(yaml, "test.yaml");
        Assert.That(result.Diagnostics, Is.Empty);
        return result.Cluster.Workloads.Single();
    }
}
