using PolicyCheck.Manifests.Input;
using PolicyCheck.TestKit;

namespace PolicyCheck.Manifests.Tests;

/// <summary>A configuration's <c>ignore:</c> globs applied to manifest inputs (moved from ConfigReaderTests).</summary>
public sealed class InputFilterTests
{
    [TestCase("vendor/", "vendor/a.yaml", true)]
    [TestCase("vendor/", "k8s/vendor/a.yaml", true)]
    [TestCase("vendor/", "vendors/a.yaml", false)]
    [TestCase("*.generated.yaml", "k8s/deep/x.generated.yaml", true)]
    [TestCase("k8s/*.yaml", "k8s/a.yaml", true)]
    [TestCase("k8s/*.yaml", "k8s/sub/a.yaml", false)]
    [TestCase("k8s/**/*.yaml", "k8s/a.yaml", true)]
    [TestCase("k8s/**/*.yaml", "k8s/sub/deeper/a.yaml", true)]
    [TestCase("./k8s/a?.yaml", "k8s/ab.yaml", true)]
    [TestCase("./k8s/a?.yaml", "k8s/a.yaml", false)]
    public void PathGlob_IsMatch(string pattern, string path, bool matches) =>
        Assert.That(new PathGlob(pattern).IsMatch(path), Is.EqualTo(matches));

    [Test]
    public void InputFilter_FolderInput_DropsIgnoredFilesKeepsOrderAndDisplayPaths()
    {
        using var folder = new TempFolder();
        folder.Write("k8s/a.yaml", "a: 1\n");
        folder.Write("k8s/vendor/b.yaml", "a: 1\n");
        folder.Write("k8s/c.yaml", "a: 1\n");
        var k8s = Path.Combine(folder.Root, "k8s");

        var filter = new InputFilter([new PathGlob("vendor/"), new PathGlob("k8s/c.yaml")], folder.Root, ".policycheck.yaml");

        var result = filter.Apply([k8s, Path.Combine(folder.Root, "missing.yaml")]);

        Assert.That(result.Paths.Select(p => p.Replace('\\', '/')), Is.EqualTo(new[]
        {
            k8s.Replace('\\', '/') + "/a.yaml",
            Path.Combine(folder.Root, "missing.yaml").Replace('\\', '/'),
        }));
        Assert.That(result.Notes, Is.Empty, "the folder keeps a file; a missing path is the loader's to report");
    }

    [Test]
    public void InputFilter_NamedFileAndEmptiedFolder_AreDroppedWithANote()
    {
        using var folder = new TempFolder();
        folder.Write("legacy/a.yaml", "a: 1\n");
        folder.Write("legacy/old/b.yaml", "a: 1\n");
        folder.Write("k8s/c.yaml", "a: 1\n");
        var named = Path.Combine(folder.Root, "legacy", "a.yaml");
        var legacy = Path.Combine(folder.Root, "legacy");
        var filter = new InputFilter([new PathGlob("legacy/**")], folder.Root, ".policycheck.yaml");

        var result = filter.Apply([named, legacy, Path.Combine(folder.Root, "k8s"), "-"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Paths.Select(p => Path.GetFileName(p)), Is.EqualTo(new[] { "c.yaml", "-" }), "stdin is never ignored");
            Assert.That(result.Notes, Is.EqualTo(new[]
            {
                new InputFilterNote(named, "legacy/**", IsFolder: false),
                new InputFilterNote(legacy, "legacy/**", IsFolder: true),
            }));
        }
    }

    [Test]
    public void InputFilter_FileOutsideTheConfigurationsFolder_IsNotMatched()
    {
        using var folder = new TempFolder();
        folder.Write("repo/k8s/a.yaml", "a: 1\n");
        folder.Write("other/a.yaml", "a: 1\n");
        var filter = new InputFilter([new PathGlob("a.yaml")], Path.Combine(folder.Root, "repo"), "repo/.policycheck.yaml");

        var result = filter.Apply([Path.Combine(folder.Root, "repo", "k8s", "a.yaml"), Path.Combine(folder.Root, "other", "a.yaml")]);

        Assert.That(result.Paths, Is.EqualTo(new[] { Path.Combine(folder.Root, "other", "a.yaml") }), "globs are relative to the configuration's folder");
    }

    [Test]
    public void InputFilter_CopyElsewhere_MatchesWhereTheFileStandsInTheWorkTree()
    {
        using var folder = new TempFolder();
        folder.Write("copy/legacy/a.yaml", "a: 1\n");
        folder.Write("copy/k8s/b.yaml", "a: 1\n");
        var copy = Path.Combine(folder.Root, "copy");
        var workTree = Path.Combine(folder.Root, "work");
        var filter = new InputFilter([new PathGlob("legacy/**")], workTree, ".policycheck.yaml");

        var result = filter.Apply([copy], path => Path.Combine(workTree, Path.GetRelativePath(copy, path)));

        Assert.That(result.Paths.Select(p => p.Replace('\\', '/')), Is.EqualTo(new[] { copy.Replace('\\', '/') + "/k8s/b.yaml" }));
    }

    [Test]
    public void Load_FolderWithConfigurationFile_ConfigurationIsNotAManifest()
    {
        using var folder = new TempFolder();
        folder.Write(".policycheck.yaml", "profile: strict\n");
        folder.Write("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: nginx}]\n");

        var loaded = ManifestLoader.Load([folder.Root]);

        Assert.That((loaded.Statistics.Files, loaded.Diagnostics.Length), Is.EqualTo((1, 0)));
    }
}
