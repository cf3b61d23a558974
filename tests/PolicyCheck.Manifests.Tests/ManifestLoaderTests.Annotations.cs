namespace PolicyCheck.Manifests.Tests;

public sealed partial class ManifestLoaderTests
{
    [Test]
    public void Load_IgnoreAnnotation_KeptWithObjectSpanReasonAndAnnotationSpan()
    {
        const string yaml = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: web
              namespace: shop
              annotations:
                policycheck.io/ignore: "PC2001, PC1003: public web tier"
            spec:
              podSelector: {}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers: [{name: c, image: nginx}]
            """;

        var loaded = ManifestLoader.LoadText(yaml, "a.yaml");

        var suppression = loaded.Suppressions.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(suppression.RuleIds, Is.EqualTo(new[] { "PC2001", "PC1003" }));
            Assert.That(suppression.Reason, Is.EqualTo("public web tier"));
            Assert.That((suppression.ObjectSpan.Line, suppression.ObjectSpan.EndLine), Is.EqualTo((1, 9)));
            Assert.That(suppression.AnnotationSpan.ToString(), Is.EqualTo("a.yaml:7:28"));
            Assert.That(loaded.Objects.Select(o => $"{o.Ref} {o.NameSpan}"),
                Is.EqualTo(new[] { "NetworkPolicy shop/web a.yaml:4:9", "Pod default/p a.yaml:13:18" }));
            Assert.That(loaded.ObjectAt(Core.Model.SourceSpan.At("a.yaml", 15, 3))?.Name, Is.EqualTo("p"));
        }
    }

    [Test]
    public void Load_IgnoreAnnotationWithoutReason_ReasonIsNull()
    {
        const string yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations: {policycheck.io/ignore: PC2001}\nspec:\n  containers: [{name: c, image: nginx}]\n";

        var suppression = ManifestLoader.LoadText(yaml, "a.yaml").Suppressions.Single();

        Assert.That((suppression.RuleIds.Single(), suppression.Reason), Is.EqualTo(("PC2001", (string?)null)));
    }
}

public sealed class ObjectIndexTests
{
    [Test]
    public void At_FindsTheObjectHoldingALine_PerFile_AndNothingBetweenOrOutside()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata: {name: a}
            spec:
              containers: [{name: c, image: nginx}]
            ---
            # a comment between objects
            apiVersion: v1
            kind: Pod
            metadata: {name: b}
            spec:
              containers: [{name: c, image: nginx}]
            """;
        var first = ManifestLoader.LoadText(yaml, "one.yaml");
        var second = ManifestLoader.LoadText(yaml, "two.yaml");
        var index = new ObjectIndex([.. first.Objects, .. second.Objects]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(index.At(Core.Model.SourceSpan.At("one.yaml", 1, 1))?.Name, Is.EqualTo("a"));
            Assert.That(index.At(Core.Model.SourceSpan.At("one.yaml", 5, 3))?.Name, Is.EqualTo("a"));
            Assert.That(index.At(Core.Model.SourceSpan.At("one.yaml", 7, 1)), Is.Null, "the comment belongs to no object");
            Assert.That(index.At(Core.Model.SourceSpan.At("two.yaml", 10, 5))?.Name, Is.EqualTo("b"));
            Assert.That(index.At(Core.Model.SourceSpan.At("two.yaml", 40, 1)), Is.Null);
            Assert.That(index.At(Core.Model.SourceSpan.At("three.yaml", 1, 1)), Is.Null);
        }
    }
}
