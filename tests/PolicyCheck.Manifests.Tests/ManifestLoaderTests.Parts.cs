namespace PolicyCheck.Manifests.Tests;

/// <summary>Issue #14, "reject the smallest invalid part": one bad container leaves out that container only.</summary>
public sealed partial class ManifestLoaderTests
{
    private const string TwoContainers = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - {name: app, ports: [{name: http, containerPort: 8080}]}
              - {0}
        """;

    [TestCase("nginx", 11, 9, "PC0019", "'containers' must be a mapping, not the string 'nginx'")]
    [TestCase("{name: side, port: [{containerPort: 9090}]}", 11, 22, "PC0022", "Field 'port' is not part of")]
    [TestCase("{name: side, ports: {containerPort: 9090}}", 11, 29, "PC0019", "'ports' must be a list")]
    public void Container_Invalid_LeavesOutThatContainerOnly(string container, int line, int column, string id, string message)
    {
        var result = Load(TwoContainers.Replace("{0}", container, StringComparison.Ordinal));

        var diagnostic = SingleDiagnostic(result);
        var workload = SingleWorkload(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostic.Id, Is.EqualTo(id));
            Assert.That(diagnostic.Severity, Is.EqualTo(Core.Diagnostics.Severity.Error));
            Assert.That((diagnostic.Span.Line, diagnostic.Span.Column), Is.EqualTo((line, column)));
            Assert.That(diagnostic.Message, Does.StartWith(message).And.EndWith("; this container of the Deployment 'shop/web' is left out."));
            Assert.That(result.HasErrors, Is.True, "the input is incomplete: exit code 2");
            Assert.That(workload.Ports.Select(p => (p.Name, p.Number)), Is.EqualTo(new[] { ((string?)"http", 8080) }));
            Assert.That(workload.Labels["app"], Is.EqualTo("web"));
        }
    }
}
