using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Engine;
using PolicyCheck.Lint.Suppression;
using PolicyCheck.Manifests;

namespace PolicyCheck.Lint.Tests;

public sealed class SuppressionTests
{
    private const string Yaml = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: a
          namespace: shop
          annotations: {policycheck.io/ignore: "PC1001, PC1234, nonsense: selects nothing on purpose"}
        spec:
          podSelector: {matchLabels: {app: none}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: b, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: none}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, labels: {app: web}}
        spec:
          containers: [{name: web, image: nginx}]
        """;

    private static readonly HashSet<string> Known = [.. RuleCatalog.All.Select(r => r.Descriptor.Id)];

    [Test]
    public void ApplyAnnotations_FindingInsideAnnotatedObject_SuppressedInSourceWithReason()
    {
        var loaded = ManifestLoader.LoadText(Yaml, "a.yaml");
        var findings = Linter.Run(loaded.Cluster, Evaluator.Evaluate(loaded.Cluster), rules: [new Rules.PolicySelectsNothing()]);

        var result = Suppressions.ApplyAnnotations(findings, loaded.Suppressions, Known);

        Assert.That(result.Select(d => $"{d.Span.Line} {d.Id} {d.Severity} {d.Suppression?.Kind} {d.Suppression?.Justification}"), Is.EqualTo(new[]
        {
            "6 PC9001 Warning  ",
            "6 PC9001 Warning  ",
            "8 PC1001 Warning InSource selects nothing on purpose",
            "14 PC1001 Warning  ",
        }));
        Assert.That(result.Where(d => d.Id == "PC9001").Select(d => d.Message), Is.EqualTo(new[]
        {
            "The policycheck.io/ignore annotation names 'PC1234', which is not a rule ID; 'policycheck rules' lists the IDs, so this suppresses nothing.",
            "The policycheck.io/ignore annotation names 'nonsense', which is not a rule ID; 'policycheck rules' lists the IDs, so this suppresses nothing.",
        }));
    }

    [Test]
    public void ApplyAnnotations_OtherRule_NotSuppressed()
    {
        var loaded = ManifestLoader.LoadText(Yaml.Replace("PC1001, PC1234, nonsense", "PC1002", StringComparison.Ordinal), "a.yaml");
        var findings = Linter.Run(loaded.Cluster, Evaluator.Evaluate(loaded.Cluster), rules: [new Rules.PolicySelectsNothing()]);

        var result = Suppressions.ApplyAnnotations(findings, loaded.Suppressions, Known);

        Assert.That(result.Count(d => d.IsSuppressed), Is.Zero);
    }

    [Test]
    public void Baseline_RoundTrip_SuppressesSameFindingsAfterLinesMove()
    {
        var before = ManifestLoader.LoadText(Yaml, "a.yaml");
        var found = Linter.Run(before.Cluster, Evaluator.Evaluate(before.Cluster), rules: [new Rules.PolicySelectsNothing()]);
        var written = new StringWriter();
        LintBaseline.Write(found.Select(d => LintBaseline.Entry(d, "k8s/a.yaml", before.ObjectAt(d.Span)?.Ref)), written);

        var baseline = LintBaseline.Read(written.ToString(), "baseline.json", out var error);
        var after = ManifestLoader.LoadText("# a comment that moves every line\n\n" + Yaml + "\n---\n" + Yaml.Replace("name: b", "name: c", StringComparison.Ordinal).Replace("name: a", "name: d", StringComparison.Ordinal).Replace("name: web", "name: web2", StringComparison.Ordinal), "a.yaml");
        var now = Linter.Run(after.Cluster, Evaluator.Evaluate(after.Cluster), rules: [new Rules.PolicySelectsNothing()]);
        var applied = baseline!.Apply(now.Select(d => (d, LintBaseline.Entry(d, "k8s/a.yaml", after.ObjectAt(d.Span)?.Ref))), "baseline.json");

        Assert.That(error, Is.Null);
        Assert.That(applied.Where(d => !d.IsSuppressed).Select(d => d.Message),
            Is.EqualTo(new[] { "d", "c" }.Select(n => $"NetworkPolicy '{n}' selects no workload in namespace 'shop' with podSelector 'app=none'; fix the selector or the pod labels, or remove the policy.")));
        Assert.That(applied.Where(d => d.IsSuppressed).Select(d => d.Suppression!.Kind), Is.EqualTo(new[] { SuppressionKind.External, SuppressionKind.External }));
        Assert.That(written.ToString(), Does.StartWith("{\n  \"schema\": \"policycheck/baseline/v1\",\n  \"findings\": [\n    {\n      \"ruleId\": \"PC1001\",\n      \"path\": \"k8s/a.yaml\",\n      \"object\": \"NetworkPolicy shop/a\","));
    }

    [TestCase("{", "baseline.json:1:2: error: the baseline is not valid JSON")]
    [TestCase("[]", "baseline.json: error: not a baseline file")]
    [TestCase("{\"schema\": \"policycheck/baseline/v1\"}", "baseline.json: error: a baseline file needs a \"findings\" array.")]
    [TestCase("{\"schema\": \"policycheck/baseline/v1\", \"findings\": [{\"ruleId\": \"PC1001\"}]}", "baseline.json: error: finding 1 of the baseline needs")]
    public void Baseline_Malformed_ClearError(string text, string error)
    {
        var baseline = LintBaseline.Read(text, "baseline.json", out var message);

        Assert.That(baseline, Is.Null);
        Assert.That(message, Does.StartWith(error));
    }
}
