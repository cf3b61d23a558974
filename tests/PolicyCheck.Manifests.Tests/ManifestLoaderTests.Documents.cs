using PolicyCheck.Core.Model;
using PolicyCheck.TestKit;

namespace PolicyCheck.Manifests.Tests;

/// <summary>Errors in the YAML itself or in a document's shape, before any kind is read.</summary>
public sealed partial class ManifestLoaderTests
{
    [Test]
    public void YamlSyntax_UnclosedBracket_IsReportedAndTheNextDocumentLoads()
    {
        var result = Load("""
            apiVersion: v1
            kind: Namespace
            metadata: {name: [broken
            """ + "\n" + StillLoaded);

        var diagnostic = AssertSingleError(result, LoadDiagnostics.YamlSyntax, 4, 1);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostic.Message, Does.StartWith("The YAML is not valid: "));
            Assert.That(diagnostic.Message, Does.EndWith("; this document, up to the next '---' line, is left out."));
        }
    }

    [TestCase("apiVersion: v1\nkind: Namespace\nmetadata: {", 3, 12)]
    [TestCase("apiVersion: v1\r\nkind: Namespace\r\nmetadata: {", 3, 12)]
    [TestCase("apiVersion: v1\nkind: Namespace\nmetadata: {\n", 4, 1)]
    [Description("A file cut off inside a flow mapping ends at the column after its last character (3:12), or at the " +
                 "start of the line after its final line break (4:1); an error at the end is placed there, not past it.")]
    public void YamlSyntax_CutOffAtTheEnd_IsReportedWhereTheTextEnds(string text, int line, int column)
    {
        var result = Load(text);

        var diagnostic = SingleDiagnostic(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostic.Id, Is.EqualTo(LoadDiagnostics.YamlSyntax.Id));
            Assert.That((diagnostic.Span.Line, diagnostic.Span.Column), Is.EqualTo((line, column)), diagnostic.ToString);
            Assert.That((diagnostic.Span.EndLine, diagnostic.Span.EndColumn), Is.EqualTo((line, column)), diagnostic.ToString);
        }
    }

    [Test]
    public void YamlSyntax_BadIndentation_IsReportedWhereItStarts()
    {
        var result = Load("""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: x
             labels: {}
            """ + "\n" + StillLoaded);

        AssertSingleError(result, LoadDiagnostics.YamlSyntax, 5, 2);
    }

    [Test]
    public void YamlSyntax_WithNoLaterDocument_StillLetsOtherFilesLoad()
    {
        using var folder = new TempFolder();
        folder.Write("a-broken.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: lost\n");
        folder.Write("b-good.yaml", GoodNamespace);

        var result = ManifestLoader.Load([folder.Root]);

        var diagnostic = SingleDiagnostic(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostic.Id, Is.EqualTo(LoadDiagnostics.YamlSyntax.Id));
            Assert.That(diagnostic.Span.Path, Does.EndWith("/a-broken.yaml"));
            Assert.That(result.Cluster.Namespaces.Single().Name, Is.EqualTo("good"));
        }
    }

    [Test]
    [Description("YamlDotNet 16.3 throws InvalidOperationException here instead of a YamlException.")]
    public void YamlSyntax_ThatCrashesTheParser_IsAnErrorAtTheLastConstructBegun()
    {
        var result = Load("""
            apiVersion: v1
            kind: [Namespace
            metadata: {name: lost}
            """ + "\n" + StillLoaded);

        var diagnostic = AssertSingleError(result, LoadDiagnostics.YamlSyntax, 2, 7);
        Assert.That(diagnostic.Message, Does.StartWith("The YAML is not valid: the parser stopped on input it cannot read past;"));
    }

    [Test]
    [Description("kubectl's strict field validation refuses duplicate fields.")]
    public void YamlDuplicateKey_LeavesOutOnlyTheObjectHoldingIt()
    {
        var result = Load("""
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Namespace
              metadata:
                name: first
                name: second
            - apiVersion: v1
              kind: Namespace
              metadata: {name: still-loaded}
            """);

        var diagnostic = AssertSingleError(result, LoadDiagnostics.YamlDuplicateKey, 8, 5);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostic.Message, Is.EqualTo("Key 'name' appears twice in one mapping (first at line 7); the object containing it is left out."));
            Assert.That(result.Cluster.Namespaces, Has.Length.EqualTo(1));
        }
    }

    [Test]
    public void YamlUnknownAlias_IsReportedAtTheAlias()
    {
        var result = Load("""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: x
              labels: *missing
            """ + "\n" + StillLoaded);

        AssertSingleError(result, LoadDiagnostics.YamlUnknownAlias, 5, 11);
        Assert.That(result.Cluster.Namespaces, Has.Length.EqualTo(1));
    }

    [Test]
    public void YamlComplexKey_IsReportedAtTheKey()
    {
        var result = Load("""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: x
              labels:
                ? [a, b]
                : c
            """ + "\n" + StillLoaded);

        AssertSingleError(result, LoadDiagnostics.YamlComplexKey, 6, 7);
    }

    [Test]
    public void YamlMergeKey_WithAScalar_IsReported()
    {
        var result = Load("""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: x
              labels:
                <<: 5
            """ + "\n" + StillLoaded);

        AssertSingleError(result, LoadDiagnostics.YamlInvalidMerge, 6, 9);
    }

    [Test]
    [Description("kubectl (go-yaml v2) honours YAML 1.1 merge keys; written keys win over merged ones.")]
    public void YamlMergeKey_MergesAnchoredMapping()
    {
        var result = Load("""
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Namespace
              metadata:
                name: a
                labels: &common {team: shop, tier: web}
            - apiVersion: v1
              kind: Namespace
              metadata:
                name: b
                labels:
                  <<: *common
                  tier: db
            """);

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Cluster.Namespaces[1].Labels, Is.EqualTo(new Dictionary<string, string>
        {
            ["team"] = "shop",
            ["tier"] = "db",
            [Namespace.NameLabel] = "b",
        }));
    }

    [TestCase("- just\n- a list")]
    [TestCase("hello")]
    public void Document_NotAMapping_IsNotAnObject(string document)
    {
        var result = Load(document + "\n" + StillLoaded);

        AssertSingleError(result, LoadDiagnostics.NotAnObject, 1, 1);
    }

    [TestCase("apiVersion: v1\nmetadata: {name: x}", "kind")]
    [TestCase("kind: Namespace\nmetadata: {name: x}", "apiVersion")]
    public void Object_WithoutKindOrApiVersion_IsLeftOut(string document, string missing)
    {
        var result = Load(document + "\n" + StillLoaded);

        var diagnostic = AssertSingleError(result, LoadDiagnostics.MissingTypeField, 1, 1);
        Assert.That(diagnostic.Message, Does.StartWith($"'{missing}' is missing;"));
    }

    [TestCase("extensions/v1beta1", "NetworkPolicy", "networking.k8s.io/v1")]
    [TestCase("apps/v1beta2", "Deployment", "apps/v1")]
    [TestCase("batch/v1beta1", "CronJob", "batch/v1")]
    [Description("k8s deprecation guide: these versions are no longer served (removed in 1.16 and 1.25).")]
    public void Object_RetiredApiVersion_IsLeftOut(string apiVersion, string kind, string served)
    {
        var result = Load($"""
            apiVersion: {apiVersion}
            kind: {kind}
            metadata:
              name: old
              namespace: shop
            """ + "\n" + StillLoaded);

        var diagnostic = AssertSingleError(result, LoadDiagnostics.UnservedApiVersion, 1, 13);
        Assert.That(diagnostic.Message, Is.EqualTo(
            $"The apiVersion '{apiVersion}' is no longer served for kind '{kind}'; use '{served}'; the {kind} 'shop/old' is left out."));
    }

    [Test]
    public void CustomResource_SharingAKindName_IsSkippedUnderItsGroup()
    {
        var result = Load("""
            apiVersion: serving.knative.dev/v1
            kind: Service
            metadata: {name: hello}
            spec: {template: {spec: {containers: [{image: hello}]}}}
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w}
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Diagnostics, Is.Empty);
            Assert.That(result.Cluster.Services, Is.Empty);
            Assert.That(result.Statistics.SkippedKinds, Is.EqualTo(new Dictionary<string, int>
            {
                ["Service.serving.knative.dev"] = 1,
                ["Widget"] = 1,
            }));
        }
    }

    [TestCase("metadata: {namespace: shop}", 3, 11)]
    [TestCase("metadata: {name: \"\"}", 3, 11)]
    [TestCase("spec: {}", 1, 1)]
    public void Object_WithoutName_IsLeftOut(string metadata, int line, int column)
    {
        var result = Load($"apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n{metadata}\n" + StillLoaded);

        var diagnostic = AssertSingleError(result, LoadDiagnostics.MissingName, line, column);
        Assert.That(diagnostic.Message, Is.EqualTo("The name (metadata.name) is missing or empty; the NetworkPolicy with no name is left out."));
    }

    [Test]
    public void Object_DefinedTwice_LaterWinsAndBothPlacesAreNamed()
    {
        var result = Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: p, namespace: shop}
            spec: {policyTypes: [Ingress]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: p, namespace: shop}
            spec: {policyTypes: [Egress]}
            """ + "\n" + StillLoaded);

        var diagnostic = AssertSingleError(result, LoadDiagnostics.DuplicateObject, 6, 1);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostic.Message, Is.EqualTo(
                "NetworkPolicy 'shop/p' is defined twice; this definition replaces the one at test.yaml:1:1, as kubectl apply would."));
            Assert.That(diagnostic.Related, Is.EqualTo(new[] { new SourceSpan(FileName, 1, 1, 4, 31) }));
            Assert.That(result.Cluster.Policies.Single().PolicyTypes, Is.EqualTo(new[] { Direction.Egress }));
        }
    }

    [Test]
    public void Pod_InvalidIp_IsLeftOut()
    {
        var result = Load("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec: {containers: [{name: c}]}
            status: {podIP: 10.0.0.999}
            """ + "\n" + StillLoaded);

        AssertSingleError(result, LoadDiagnostics.WrongType, 5, 17);
        Assert.That(result.Cluster.Workloads, Is.Empty);
    }
}
