using System.Text;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.TestKit;

namespace PolicyCheck.Manifests.Tests;

public sealed partial class ManifestLoaderTests
{
    private const string NamespaceWithoutName = """
        apiVersion: v1
        kind: Namespace
        metadata: {}
        """;

    private const string GoodNamespace = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: good}
        """;

    [Test]
    public void Load_Folder_ReadsManifestsRecursivelyInOrdinalOrderSkippingDotFoldersAndDotFiles()
    {
        using var folder = new TempFolder();
        // Each loaded file reports one error, so the diagnostics show which files were read and in what order.
        folder.Write("b.yaml", NamespaceWithoutName);
        folder.Write("a/z.yml", NamespaceWithoutName);
        folder.Write("a.json", """{"apiVersion": "v1", "kind": "Namespace", "metadata": {}}""");
        folder.Write("A.YAML", NamespaceWithoutName);
        folder.Write(".git/config.yaml", NamespaceWithoutName);
        folder.Write("sub/.cache/x.yaml", NamespaceWithoutName);
        folder.Write(".pre-commit-config.yaml", "repos: []");
        folder.Write("sub/.hidden.yaml", NamespaceWithoutName);
        folder.Write("notes.txt", NamespaceWithoutName);
        var input = folder.Root.Replace('\\', '/') + "/";

        var result = ManifestLoader.Load([folder.Root + Path.DirectorySeparatorChar]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Diagnostics.Select(d => d.Span.Path), Is.EqualTo(new[]
            {
                input + "A.YAML",
                input + "a.json",
                input + "a/z.yml",
                input + "b.yaml",
            }));
            Assert.That(result.Diagnostics.Select(d => d.Id), Is.All.EqualTo(LoadDiagnostics.MissingName.Id));
            Assert.That(result.Statistics.Files, Is.EqualTo(4));
        }
    }

    [Test]
    public void Load_DotFileNamedAsInput_IsRead()
    {
        using var folder = new TempFolder();
        var path = folder.Write(".manifest.yaml", NamespaceWithoutName);

        var result = ManifestLoader.Load([path]);

        Assert.That(result.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { LoadDiagnostics.MissingName.Id }));
    }

    [Test]
    public void Load_Stdin_ReadsDashWithStdinPath()
    {
        var result = ManifestLoader.Load(["-"], stdin: new StringReader("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec: {containers: [{name: c}]}
            """));

        var pod = SingleWorkload(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Diagnostics, Is.Empty);
            Assert.That(pod.Span, Is.EqualTo(new SourceSpan("<stdin>", 1, 1, 4, 32)));
            Assert.That(result.Statistics.Files, Is.EqualTo(1));
        }
    }

    [Test]
    public void Load_MissingPath_IsAnErrorAndOtherInputsLoad()
    {
        using var folder = new TempFolder();
        var good = folder.Write("good.yaml", GoodNamespace);
        var missing = Path.Combine(folder.Root, "missing.yaml");

        var result = ManifestLoader.Load([missing, good]);

        var diagnostic = SingleDiagnostic(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostic.Id, Is.EqualTo(LoadDiagnostics.InputNotFound.Id));
            Assert.That(diagnostic.Severity, Is.EqualTo(Severity.Error));
            Assert.That(diagnostic.Message, Does.Contain($"'{missing.Replace('\\', '/')}' does not exist"));
            Assert.That(result.HasErrors, Is.True);
            Assert.That(result.Cluster.Namespaces.Single().Name, Is.EqualTo("good"));
        }
    }

    [TestCase(new byte[] { 0x6B, 0x69, 0x6E, 0x64, 0x00, 0x01 }, "a NUL byte", 4)]
    [TestCase(new byte[] { 0x6B, 0x3A, 0x20, 0xC3, 0x28 }, "bytes that are not UTF-8", 3)]
    public void Load_BinaryFile_IsSkippedWithAnError(byte[] bytes, string problem, int offset)
    {
        using var folder = new TempFolder();
        var binary = folder.WriteBytes("image.yaml", bytes);
        var good = folder.Write("good.yaml", GoodNamespace);

        var result = ManifestLoader.Load([binary, good]);

        var diagnostic = SingleDiagnostic(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostic.Id, Is.EqualTo(LoadDiagnostics.BinaryInput.Id));
            Assert.That(diagnostic.Span.Path, Is.EqualTo(binary.Replace('\\', '/')));
            Assert.That(diagnostic.Message, Does.Contain($"it has {problem} at offset {offset};"));
            Assert.That(result.HasErrors, Is.True);
            Assert.That(result.Statistics.Files, Is.EqualTo(1));
            Assert.That(result.Cluster.Namespaces.Single().Name, Is.EqualTo("good"));
        }
    }

    [Test]
    public void LoadText_NulCharacter_IsBinary()
    {
        var result = ManifestLoader.LoadText("kind: Pod\0", "<stdin>");

        Assert.That(SingleDiagnostic(result).Id, Is.EqualTo(LoadDiagnostics.BinaryInput.Id));
    }

    [Test]
    [Description("Windows PowerShell 5 redirects kubectl output as UTF-16 with a byte order mark.")]
    public void Load_EncodingsWithByteOrderMark_Load()
    {
        using var folder = new TempFolder();
        var utf16 = folder.WriteBytes("utf16.yaml", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(GoodNamespace)]);
        var utf8 = folder.WriteBytes("utf8.yaml", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(NamespaceWithoutName)]);

        var result = ManifestLoader.Load([utf16, utf8]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Cluster.Namespaces.Single().Name, Is.EqualTo("good"));
            // The byte order mark is not a column: the error sits at line 3, column 11 of the text.
            Assert.That(SingleDiagnostic(result).Span, Is.EqualTo(new SourceSpan(utf8.Replace('\\', '/'), 3, 11, 3, 13)));
        }
    }

    [TestCase("")]
    [TestCase("# only a comment\n\n# and another\n")]
    [TestCase("---\n# nothing\n---\n")]
    public void LoadText_EmptyInput_IsANote(string text)
    {
        var result = ManifestLoader.LoadText(text, "empty.yaml");

        var diagnostic = SingleDiagnostic(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostic.Id, Is.EqualTo(LoadDiagnostics.EmptyInput.Id));
            Assert.That(diagnostic.Severity, Is.EqualTo(Severity.Note));
            Assert.That(diagnostic.ToString(), Is.EqualTo("empty.yaml:1:1: note PC0005: 'empty.yaml' holds no YAML documents (it is empty or only comments)."));
            Assert.That(result.HasErrors, Is.False);
            Assert.That(result.Statistics.Documents, Is.Zero);
        }
    }

    [Test]
    public void Load_FolderWithoutManifests_IsANote()
    {
        using var folder = new TempFolder();
        folder.Write("README.md", "# not a manifest");

        var result = ManifestLoader.Load([folder.Root]);

        var diagnostic = SingleDiagnostic(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostic.Id, Is.EqualTo(LoadDiagnostics.EmptyFolder.Id));
            Assert.That(diagnostic.Severity, Is.EqualTo(Severity.Note));
            Assert.That(result.HasErrors, Is.False);
        }
    }

    [Test]
    public void Load_SameFileTwice_IsReadOnce()
    {
        using var folder = new TempFolder();
        var file = folder.Write("ns.yaml", GoodNamespace);

        var result = ManifestLoader.Load([file, folder.Root, file]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Diagnostics, Is.Empty, "no duplicate-object error");
            Assert.That(result.Statistics.Files, Is.EqualTo(1));
        }
    }

    [Test]
    public void Load_Progress_IsReportedPerFile()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", GoodNamespace);
        folder.Write("b.yaml", "# empty");
        var progress = new RecordingProgress();

        ManifestLoader.Load([folder.Root], progress: progress);

        Assert.That(progress.Reports, Is.EqualTo(new[]
        {
            new AnalysisProgress(ManifestLoader.ProgressStage, 1, 2),
            new AnalysisProgress(ManifestLoader.ProgressStage, 2, 2),
        }));
    }

    [Test]
    public void Load_Cancelled_Throws()
    {
        using var folder = new TempFolder();
        var file = folder.Write("a.yaml", GoodNamespace);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.That(() => ManifestLoader.Load([file], cancellationToken: cancellation.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void LoadText_MultipleDocuments_LoadEach()
    {
        var result = Load("""
            # leading comment
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: one}
            ...
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: two}
            ---
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: three}
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Diagnostics, Is.Empty);
            Assert.That(result.Cluster.Namespaces.Select(n => (n.Name, n.Span.Line)), Is.EqualTo(new[] { ("one", 3), ("three", 13), ("two", 8) }));
            Assert.That(result.Statistics.Documents, Is.EqualTo(3), "the empty document between two '---' is not counted");
        }
    }

    private sealed class RecordingProgress : IProgress<AnalysisProgress>
    {
        public List<AnalysisProgress> Reports { get; } = [];

        public void Report(AnalysisProgress value) => Reports.Add(value);
    }
}
