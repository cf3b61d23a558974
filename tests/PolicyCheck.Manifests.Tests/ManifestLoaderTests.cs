using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Manifests.Tests;

/// <summary>
/// The loader end to end: YAML text in, cluster and diagnostics out. Partial files by topic. Inputs are minimal;
/// error cases append <see cref="StillLoaded"/> and check it still loads.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed partial class ManifestLoaderTests
{
    private const string FileName = "test.yaml";

    /// <summary>A separate document that must load whatever went wrong before it.</summary>
    private const string StillLoaded = """
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: still-loaded
        """;

    private static LoadResult Load(string yaml, LoadOptions? options = null) => ManifestLoader.LoadText(yaml, FileName, options);

    /// <summary>
    /// The diagnostics without the PC0049 note, which every policy that omits its podSelector gets (most of the
    /// minimal inputs here omit it on purpose); tests of that note read <see cref="LoadResult.Diagnostics"/>.
    /// </summary>
    private static Diagnostic[] Significant(LoadResult result) =>
        [.. result.Diagnostics.Where(d => d.Descriptor != LoadDiagnostics.PolicySelectsEveryPod)];

    private static Diagnostic SingleDiagnostic(LoadResult result)
    {
        var diagnostics = Significant(result);
        Assert.That(diagnostics, Has.Length.EqualTo(1), () => string.Join(Environment.NewLine, result.Diagnostics));
        return diagnostics[0];
    }

    /// <summary>
    /// Exactly one diagnostic, with this ID at this line and column; it is an error, and the
    /// <see cref="StillLoaded"/> namespace loaded anyway.
    /// </summary>
    private static Diagnostic AssertSingleError(LoadResult result, DiagnosticDescriptor descriptor, int line, int column)
    {
        var diagnostic = SingleDiagnostic(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostic.Id, Is.EqualTo(descriptor.Id), diagnostic.ToString);
            Assert.That((diagnostic.Span.Line, diagnostic.Span.Column), Is.EqualTo((line, column)), diagnostic.ToString);
            Assert.That(diagnostic.Span.Path, Is.EqualTo(FileName));
            Assert.That(diagnostic.Severity, Is.EqualTo(Severity.Error));
            Assert.That(result.HasErrors, Is.True);
            Assert.That(result.Cluster.Namespaces.Select(n => n.Name), Does.Contain("still-loaded"));
        }

        return diagnostic;
    }

    private static Workload SingleWorkload(LoadResult result)
    {
        Assert.That(result.Cluster.Workloads, Has.Length.EqualTo(1), () => string.Join(", ", result.Cluster.Workloads.Select(w => w.Ref)));
        return result.Cluster.Workloads[0];
    }

    private static NetworkPolicy SinglePolicy(LoadResult result)
    {
        Assert.That(Significant(result), Is.Empty, () => string.Join(Environment.NewLine, result.Diagnostics));
        Assert.That(result.Cluster.Policies, Has.Length.EqualTo(1));
        return result.Cluster.Policies[0];
    }

    private static (int Line, int Column, int EndLine, int EndColumn) Where(SourceSpan span) =>
        (span.Line, span.Column, span.EndLine, span.EndColumn);
}
