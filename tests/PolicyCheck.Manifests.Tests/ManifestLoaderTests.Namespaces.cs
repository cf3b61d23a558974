using PolicyCheck.Core.Model;

namespace PolicyCheck.Manifests.Tests;

public sealed partial class ManifestLoaderTests
{
    private const string ObjectsWithAndWithoutNamespace = """
        apiVersion: v1
        kind: Service
        metadata: {name: svc}
        spec: {ports: [{port: 80}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: pol, namespace: ""}
        spec: {}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: pod, namespace: explicit}
        spec: {containers: [{name: c}]}
        """;

    [Test]
    [Description("k8s docs: objects without metadata.namespace are created in the default namespace.")]
    public void Objects_WithoutNamespace_GoToDefault()
    {
        var result = Load(ObjectsWithAndWithoutNamespace);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Cluster.Services.Single().Namespace, Is.EqualTo("default"));
            Assert.That(result.Cluster.Policies.Single().Namespace, Is.EqualTo("default"));
            Assert.That(result.Cluster.Workloads.Single().Namespace, Is.EqualTo("explicit"));
            Assert.That(result.Cluster.Namespaces.Select(n => n.Name), Is.EqualTo(new[] { "default", "explicit" }));
        }
    }

    [Test]
    [Description("kubectl apply --namespace sets the namespace of objects that name none.")]
    public void Objects_WithoutNamespace_GoToTheNamespaceOption()
    {
        var result = Load(ObjectsWithAndWithoutNamespace, new LoadOptions(DefaultNamespace: "staging"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Cluster.Services.Single().Namespace, Is.EqualTo("staging"));
            Assert.That(result.Cluster.Policies.Single().Namespace, Is.EqualTo("staging"));
            Assert.That(result.Cluster.Workloads.Single().Namespace, Is.EqualTo("explicit"), "a written namespace is kept");
            Assert.That(result.Cluster.Namespaces.Select(n => n.Name), Is.EqualTo(new[] { "explicit", "staging" }));
        }
    }

    [Test]
    public void Namespaces_Undeclared_ExistWithOnlyTheNameLabel()
    {
        var result = Load("""
            apiVersion: v1
            kind: Namespace
            metadata: {name: zeta, labels: {team: z}}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: empty}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: s, namespace: alpha}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: s, namespace: zeta}
            """);

        Assert.That(result.Diagnostics, Is.Empty);
        var namespaces = result.Cluster.Namespaces;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(namespaces.Select(n => (n.Name, n.Declared)), Is.EqualTo(new[] { ("alpha", false), ("empty", true), ("zeta", true) }));
            Assert.That(namespaces[0].Labels, Is.EqualTo(new Dictionary<string, string> { [Namespace.NameLabel] = "alpha" }));
            Assert.That(namespaces[0].Span, Is.EqualTo(SourceSpan.None));
            Assert.That(namespaces[2].Labels, Is.EqualTo(new Dictionary<string, string> { ["team"] = "z", [Namespace.NameLabel] = "zeta" }));
        }
    }
}
