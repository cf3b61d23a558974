using PolicyCheck.Manifests.Objects;

namespace PolicyCheck.Manifests.Tests;

/// <summary>
/// Policy kinds of network plugins and meshes that PolicyCheck does not evaluate are never silent (issue #14): each
/// is a located warning and is kept on the cluster. The groups and kinds are the plugins' own API names (Cilium
/// cilium.io/v2, Calico projectcalico.org/v3 and crd.projectcalico.org/v1, Antrea crd.antrea.io, Istio
/// security.istio.io).
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class UnevaluatedKindsTests
{
    [TestCase("cilium.io/v2", "CiliumNetworkPolicy", "Cilium", "in namespace 'shop'")]
    [TestCase("cilium.io/v2", "CiliumClusterwideNetworkPolicy", "Cilium", "in every namespace")]
    [TestCase("projectcalico.org/v3", "NetworkPolicy", "Calico", "in namespace 'shop'")]
    [TestCase("projectcalico.org/v3", "GlobalNetworkPolicy", "Calico", "in every namespace")]
    [TestCase("projectcalico.org/v3", "StagedNetworkPolicy", "Calico", "in namespace 'shop'")]
    [TestCase("crd.projectcalico.org/v1", "NetworkPolicy", "Calico", "in namespace 'shop'")]
    [TestCase("crd.projectcalico.org/v1", "GlobalNetworkPolicy", "Calico", "in every namespace")]
    [TestCase("crd.projectcalico.org/v1", "StagedNetworkPolicy", "Calico", "in namespace 'shop'")]
    [TestCase("crd.antrea.io/v1beta1", "NetworkPolicy", "Antrea", "in namespace 'shop'")]
    [TestCase("crd.antrea.io/v1beta1", "ClusterNetworkPolicy", "Antrea", "in every namespace")]
    [TestCase("security.istio.io/v1", "AuthorizationPolicy", "Istio", "in namespace 'shop'")]
    public void PolicyKind_NotEvaluated_IsALocatedWarning(string apiVersion, string kind, string plugin, string scope)
    {
        var loaded = ManifestLoader.LoadText(
            $"apiVersion: v1\nkind: Namespace\nmetadata: {{name: shop}}\n---\napiVersion: {apiVersion}\nkind: {kind}\nmetadata: {{name: p, namespace: shop}}\nspec: {{}}\n",
            "plugin.yaml");

        var warning = loaded.Diagnostics.Single();
        var group = apiVersion.Split('/')[0];
        var clusterWide = scope == "in every namespace";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(warning.Id, Is.EqualTo(LoadDiagnostics.UnevaluatedPolicy.Id));
            Assert.That(warning.Severity, Is.EqualTo(Core.Diagnostics.Severity.Warning));
            Assert.That(warning.Span.ToString(), Is.EqualTo("plugin.yaml:5:1"));
            Assert.That(warning.Message, Does.StartWith($"{kind} '{(clusterWide ? "p" : "shop/p")}' ({group}) is not evaluated: {plugin} enforces it"));
            Assert.That(warning.Message, Does.Contain($"for the pods it selects {scope}"));
            Assert.That(warning.Message, Does.Contain($"--ignore-kind {kind}.{group}"));
            Assert.That(loaded.Cluster.UnevaluatedPolicies.Single().QualifiedKind, Is.EqualTo($"{kind}.{group}"));
            Assert.That(loaded.Cluster.Policies, Is.Empty);
            Assert.That(loaded.IsIncomplete, Is.True);
            Assert.That(loaded.HasErrors, Is.False);
            Assert.That(loaded.Statistics.SkippedKinds.Keys, Is.EquivalentTo(new[] { kind == "NetworkPolicy" ? $"NetworkPolicy.{group}" : kind }));
        }
    }

    [TestCase("policy.networking.k8s.io/v1alpha1", "AdminNetworkPolicy")]
    [TestCase("policy.networking.k8s.io/v1alpha2", "ClusterNetworkPolicy")]
    [TestCase("networking.k8s.io/v1", "NetworkPolicy")]
    public void KubernetesPolicyKinds_AreNotClaimed(string apiVersion, string kind)
    {
        var loaded = ManifestLoader.LoadText($"apiVersion: {apiVersion}\nkind: {kind}\nmetadata: {{name: p, namespace: shop}}\nspec: {{podSelector: {{}}}}\n", "k.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(loaded.Diagnostics.Where(d => d.Id == LoadDiagnostics.UnevaluatedPolicy.Id), Is.Empty);
            Assert.That(loaded.Cluster.UnevaluatedPolicies, Is.Empty);
        }
    }

    [Test]
    public void Names_TakeEachKindAloneAndWithItsGroup()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(UnevaluatedKinds.Names, Does.Contain("CiliumNetworkPolicy").And.Contain("NetworkPolicy.crd.antrea.io").And.Contain("GlobalNetworkPolicy.projectcalico.org"));
            Assert.That(UnevaluatedKinds.Names, Has.No.Member("ClusterNetworkPolicy.policy.networking.k8s.io"));
        }
    }
}
