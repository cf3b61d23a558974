using PolicyCheck.Core.Engine;
using PolicyCheck.Manifests;

namespace PolicyCheck.Lint.Tests;

public sealed class LinterTests
{
    [Test]
    public void Run_FindingsOfAllRules_SortedByPathLineColumnAndId()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop, labels: {app: web}}
            spec:
              containers: [{name: web, image: nginx}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: p, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: api, pod-template-hash: abc}}
              policyTypes: [Ingress]
              egress:
                - {}
            """;
        var loaded = ManifestLoader.LoadText(yaml, "a.yaml");

        var findings = Linter.Run(loaded.Cluster, Evaluator.Evaluate(loaded.Cluster));

        Assert.That(
            findings.Select(d => $"{d.Span.Line}:{d.Span.Column} {d.Id}"),
            Is.EqualTo(new[] { "1:1 PC2001", "1:1 PC2002", "7:1 PC2010", "7:1 PC2010", "11:16 PC1001", "11:16 PC1006", "14:7 PC1004" }));
    }

    [Test]
    public void Run_GivenRules_RunsOnlyThose()
    {
        var loaded = ManifestLoader.LoadText("apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers: [{name: web, image: nginx}]\n", "a.yaml");

        var findings = Linter.Run(loaded.Cluster, Evaluator.Evaluate(loaded.Cluster), rules: [new Rules.EgressNotIsolated()]);

        Assert.That(findings.Select(d => d.Id), Is.EqualTo(new[] { RuleIds.EgressNotIsolated }));
    }
}
