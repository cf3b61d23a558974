namespace PolicyCheck.Kube.Tests;

[Parallelizable(ParallelScope.Fixtures)]
public sealed class KubeResourceTests
{
    [Description("k8s API concepts: core group under /api/v1, named groups under /apis/GROUP/VERSION")]
    [Test]
    public void Path_CoreAndNamedGroups_FollowApiConventions()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(KubeResource.Pods.Path(null), Is.EqualTo("/api/v1/pods"));
            Assert.That(KubeResource.Pods.Path("shop"), Is.EqualTo("/api/v1/namespaces/shop/pods"));
            Assert.That(KubeResource.Namespaces.Path("shop"), Is.EqualTo("/api/v1/namespaces"));
            Assert.That(KubeResource.NetworkPolicies.Path("shop"), Is.EqualTo("/apis/networking.k8s.io/v1/namespaces/shop/networkpolicies"));
            Assert.That(KubeResource.EndpointSlices.ApiVersion, Is.EqualTo("discovery.k8s.io/v1"));
        }
    }
}
