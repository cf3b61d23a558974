namespace PolicyCheck.Manifests.Tests;

public sealed partial class ServiceFieldsTests
{
    [Test]
    [Description("k8s docs (StatefulSet): the pods' domain is governed by spec.serviceName, a headless Service.")]
    public void StatefulSet_ServiceName_IsThePodsSubdomain()
    {
        var workload = LoadOne("""
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: web, namespace: shop}
            spec:
              serviceName: nginx
              replicas: 3
              template:
                metadata: {labels: {app: nginx}}
                spec: {containers: [{name: c, image: nginx}]}
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(workload.Subdomain, Is.EqualTo("nginx"));
            Assert.That(workload.Hostname, Is.Null);
        }
    }

    [Test]
    [Description("k8s docs (DNS for Services and Pods): a pod's hostname and subdomain fields.")]
    public void Pod_HostnameAndSubdomain_AreRead()
    {
        var workload = LoadOne("""
            apiVersion: v1
            kind: Pod
            metadata: {name: busybox1, namespace: default, labels: {name: busybox}}
            spec:
              hostname: busybox-1
              subdomain: busybox-subdomain
              containers: [{name: busybox, image: busybox:1.28}]
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(workload.Hostname, Is.EqualTo("busybox-1"));
            Assert.That(workload.Subdomain, Is.EqualTo("busybox-subdomain"));
        }
    }

    [Test]
    public void Deployment_WithoutSubdomain_HasNone()
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

        Assert.That(workload.Subdomain, Is.Null);
    }
}
