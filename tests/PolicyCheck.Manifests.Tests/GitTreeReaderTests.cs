using PolicyCheck.Manifests.Git;
using PolicyCheck.TestKit;

namespace PolicyCheck.Manifests.Tests;

/// <summary>
/// Reading a ref's files with <see cref="GitTreeReader"/> directly; the diff --git command tests in Cli.Tests cover
/// the same paths through the command line.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class GitTreeReaderTests
{
    [Category(TestCategories.External)]
    [Test]
    public async Task TryReadAsync_FolderAtCommit_CopiesItsManifestsAsCommitted()
    {
        using var folder = new TempFolder();
        folder.Write("k8s/a.yaml", "committed: a\n");
        folder.Write("k8s/sub/b.json", "{}\n");
        folder.Write("k8s/notes.txt", "not a manifest\n");
        Git(folder.Root, "init", "-q");
        Git(folder.Root, "add", "-A");
        Git(folder.Root, "commit", "-q", "-m", "first");
        folder.Write("k8s/a.yaml", "changed: after the commit\n");

        var read = await GitTreeReader.TryReadAsync(new GitTreeRequest("HEAD", ["k8s", "gone"], folder.Root), CancellationToken.None);

        Assert.That(read.Succeeded, Is.True, read.Error);
        using var tree = read.Tree!;
        var copied = Directory.GetFiles(tree.Folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(tree.Folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(copied, Is.EqualTo(new[] { "k8s/a.yaml", "k8s/sub/b.json" }), "a folder gives only .yaml, .yml and .json");
            Assert.That(File.ReadAllText(Path.Combine(tree.Folder, "k8s", "a.yaml")), Is.EqualTo("committed: a\n"));
            Assert.That(tree.Paths, Is.EqualTo(new[] { Path.Combine(tree.Folder, "k8s") }));
            Assert.That(tree.Missing, Is.EqualTo(new[] { "gone" }));
            Assert.That(tree.DisplayPath(Path.Combine(tree.Folder, "k8s", "a.yaml")), Is.EqualTo("HEAD:k8s/a.yaml"));
        }

        tree.Dispose();
        Assert.That(Directory.Exists(tree.Folder), Is.False, "disposing deletes the copy");
    }

    [Test]
    public async Task TryReadAsync_NotARepository_GivesAnErrorAndNoTree()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", "a: 1\n");

        var read = await GitTreeReader.TryReadAsync(new GitTreeRequest("HEAD", ["a.yaml"], folder.Root), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(read.Tree, Is.Null);
            Assert.That(read.Error, Does.StartWith("'a.yaml' is not inside a git repository ("));
        }
    }

    [Category(TestCategories.External)]
    [Test]
    public async Task TryReadAsync_UnknownRef_SaysItIsNotACommit()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", "a: 1\n");
        Git(folder.Root, "init", "-q");
        Git(folder.Root, "add", "-A");
        Git(folder.Root, "commit", "-q", "-m", "first");

        var read = await GitTreeReader.TryReadAsync(new GitTreeRequest("no-such-branch", [], folder.Root), CancellationToken.None);

        Assert.That(read.Error, Does.StartWith("'no-such-branch' is not a commit in the repository at '").And.EndWith("; use a branch, tag or commit id."));
    }

    [Test]
    public void TryReadAsync_Cancelled_Throws()
    {
        using var folder = new TempFolder();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.That(
            async () => await GitTreeReader.TryReadAsync(new GitTreeRequest("HEAD", [], folder.Root), cancelled.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    private static void Git(string folder, params string[] args) => TestGit.Run(folder, args);
}
