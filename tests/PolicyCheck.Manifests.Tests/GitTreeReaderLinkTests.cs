using System.Diagnostics;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Manifests.Git;
using PolicyCheck.TestKit;

namespace PolicyCheck.Manifests.Tests;

/// <summary>
/// Symbolic links committed at a ref (git mode 120000) read as the work tree reads them: followed inside the
/// repository, refused with an error when they lead out of it. Each test loads both sides with the real loader.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class GitTreeReaderLinkTests
{
    private const string Policy = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny, namespace: x}
        spec: {podSelector: {}}
        """;

    [Test]
    public async Task TryReadAsync_LinkToManifestInRepository_IsReadAtTheRef()
    {
        using var folder = new TempFolder();
        folder.Write("shared/policy.txt", Policy);
        Directory.CreateDirectory(Path.Combine(folder.Root, "k8s"));
        File.CreateSymbolicLink(Path.Combine(folder.Root, "k8s", "policy.yaml"), "../shared/policy.txt");
        Commit(folder.Root);
        File.Delete(Path.Combine(folder.Root, "shared", "policy.txt")); // the ref must be read, not the disk

        using var tree = await ReadAsync(folder.Root, "k8s/policy.yaml");
        var loaded = ManifestLoader.Load(tree.Paths);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tree.Diagnostics, Is.Empty);
            Assert.That(loaded.Diagnostics.Where(d => d.Severity == Severity.Error), Is.Empty);
            Assert.That(loaded.Cluster.Policies.Select(p => p.Name), Is.EqualTo(new[] { "deny" }));
        }
    }

    [Test]
    public async Task TryReadAsync_ChainOfLinksInFolder_IsFollowedAndReadOnceLikeTheWorkTree()
    {
        using var folder = new TempFolder();
        folder.Write("k8s/real/policy.yml", Policy);
        File.CreateSymbolicLink(Path.Combine(folder.Root, "k8s", "second.yaml"), "real/policy.yml");
        File.CreateSymbolicLink(Path.Combine(folder.Root, "k8s", "first.yaml"), "./second.yaml");
        Commit(folder.Root);

        using var tree = await ReadAsync(folder.Root, "k8s");
        var atRef = ManifestLoader.Load(tree.Paths);
        var workTree = ManifestLoader.Load([Path.Combine(folder.Root, "k8s")]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(atRef.Diagnostics.Where(d => d.Severity == Severity.Error), Is.Empty);
            Assert.That(atRef.Cluster.Policies.Select(p => p.Name), Is.EqualTo(new[] { "deny" }), "three names, one file: read once");
            Assert.That(workTree.Cluster.Policies.Select(p => p.Name), Is.EqualTo(new[] { "deny" }));
        }
    }

    [Test]
    public async Task TryReadAsync_LinkLeavingTheRepository_IsAnErrorOnBothSides()
    {
        using var outside = new TempFolder();
        outside.Write("repo/k8s/keep.yaml", Policy.Replace("name: deny", "name: keep", StringComparison.Ordinal));
        outside.Write("wide.yaml", Policy.Replace("name: deny", "name: wide", StringComparison.Ordinal));
        var root = Path.Combine(outside.Root, "repo");
        File.CreateSymbolicLink(Path.Combine(root, "k8s", "up.yaml"), "../../wide.yaml");
        File.CreateSymbolicLink(Path.Combine(root, "k8s", "absolute.yaml"), Path.Combine(outside.Root, "wide.yaml"));
        File.CreateSymbolicLink(Path.Combine(root, "k8s", "notes"), "../../wide.yaml"); // not a manifest name: skipped
        Commit(root);

        using var tree = await ReadAsync(root, "k8s");
        var atRef = ManifestLoader.Load(tree.Paths);
        var workTree = ManifestLoader.Load([Path.Combine(root, "k8s")]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tree.Diagnostics.Select(d => (d.Id, d.Severity)), Is.EqualTo(new[] { ("PC0051", Severity.Error), ("PC0051", Severity.Error) }));
            Assert.That(tree.Diagnostics.Select(d => d.Message), Has.Some.StartsWith("'HEAD:k8s/up.yaml' is a symbolic link to a path outside"));
            Assert.That(tree.Diagnostics.Select(d => d.Message), Has.Some.StartsWith("'HEAD:k8s/absolute.yaml' is a symbolic link to a path outside"));
            Assert.That(atRef.Cluster.Policies.Select(p => p.Name), Is.EqualTo(new[] { "keep" }), "nothing is read from outside the repository");
            Assert.That(workTree.Diagnostics.Where(d => d.Id == "PC0051").Select(d => d.Message), Has.Some.StartsWith($"'{Path.Combine(root, "k8s").Replace('\\', '/')}/up.yaml'"));
            Assert.That(workTree.Cluster.Policies.Select(p => p.Name), Is.EqualTo(new[] { "keep" }));
        }
    }

    [Test]
    public async Task TryReadAsync_LinkLeavingTheFolderButNotTheRepository_IsRefusedByTheLoaderOnBothSides()
    {
        using var folder = new TempFolder();
        folder.Write("shared/policy.yaml", Policy);
        Directory.CreateDirectory(Path.Combine(folder.Root, "k8s"));
        File.CreateSymbolicLink(Path.Combine(folder.Root, "k8s", "policy.yaml"), "../shared/policy.yaml");
        Commit(folder.Root);

        using var tree = await ReadAsync(folder.Root, "k8s");
        var atRef = ManifestLoader.Load(tree.Paths);
        var workTree = ManifestLoader.Load([Path.Combine(folder.Root, "k8s")]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tree.Diagnostics, Is.Empty, "inside the repository the copy keeps the link; the loader judges it");
            Assert.That(atRef.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.Id), Is.EqualTo(new[] { "PC0051" }));
            Assert.That(workTree.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.Id), Is.EqualTo(new[] { "PC0051" }));
        }
    }

    [Test]
    public async Task TryReadAsync_LoopOfLinks_IsUnreadableOnBothSides()
    {
        using var folder = new TempFolder();
        folder.Write("k8s/keep.yaml", Policy);
        File.CreateSymbolicLink(Path.Combine(folder.Root, "k8s", "a.yaml"), "b.yaml");
        File.CreateSymbolicLink(Path.Combine(folder.Root, "k8s", "b.yaml"), "a.yaml");
        Commit(folder.Root);

        using var tree = await ReadAsync(folder.Root, "k8s");
        var atRef = ManifestLoader.Load(tree.Paths);
        var workTree = ManifestLoader.Load([Path.Combine(folder.Root, "k8s")]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tree.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "PC0002", "PC0002" }));
            Assert.That(tree.Diagnostics[0].Message, Does.Contain("more than 40 symbolic links"));
            Assert.That(atRef.Cluster.Policies.Select(p => p.Name), Is.EqualTo(new[] { "deny" }));
            Assert.That(workTree.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "PC0002", "PC0002" }));
        }
    }

    [Test]
    public async Task ResolveAsync_LinkThroughLinkedFolderAndDotDot_EndsWhereTheSystemWould()
    {
        // 'k8s/p.yaml' → 'lib/../data/p.txt' where 'k8s/lib' → '../vendor/lib': '..' applies after the folder
        // link is followed, as POSIX path resolution does, so it ends in 'vendor/data/p.txt'.
        var links = new Dictionary<string, string>
        {
            ["k8s/p.yaml"] = "lib/../data/p.txt",
            ["k8s/lib"] = "../vendor/lib",
        };

        var resolved = await GitLinks.ResolveAsync("k8s/p.yaml", p => Task.FromResult(links.GetValueOrDefault(p)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(resolved.Refused, Is.False, resolved.Refusal);
            Assert.That(resolved.Target, Is.EqualTo("vendor/data/p.txt"));
            Assert.That(resolved.Links, Is.EqualTo(new[] { "k8s/p.yaml", "k8s/lib" }));
        }
    }

    [Test]
    public async Task ResolveAsync_FortyLinksAreFollowedButNotFortyOne()
    {
        var chain = Enumerable.Range(0, 41).ToDictionary(i => $"l{i}", i => $"l{i + 1}");
        var forty = Enumerable.Range(0, 40).ToDictionary(i => $"l{i}", i => $"l{i + 1}");

        var tooLong = await GitLinks.ResolveAsync("l0", p => Task.FromResult(chain.GetValueOrDefault(p)));
        var longest = await GitLinks.ResolveAsync("l0", p => Task.FromResult(forty.GetValueOrDefault(p)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tooLong.Refused, Is.True);
            Assert.That(tooLong.LeavesRepository, Is.False);
            Assert.That(longest.Target, Is.EqualTo("l40"));
        }
    }

    [TestCase("../x.yaml")]
    [TestCase("a/../../x.yaml")]
    [TestCase("/etc/passwd")]
    public async Task ResolveAsync_TargetAboveTheRootOrAbsolute_IsRefused(string target)
    {
        var resolved = await GitLinks.ResolveAsync("l.yaml", p => Task.FromResult(p == "l.yaml" ? target : null));

        Assert.That(resolved.LeavesRepository, Is.True);
    }

    private static async Task<GitTree> ReadAsync(string root, string path)
    {
        var read = await GitTreeReader.TryReadAsync(new GitTreeRequest("HEAD", [path], root), CancellationToken.None);
        Assert.That(read.Succeeded, Is.True, read.Error);
        return read.Tree!; // Succeeded, so there is a tree
    }

    private static void Commit(string root)
    {
        Git(root, "init", "-q");
        Git(root, "add", "-A");
        Git(root, "commit", "-q", "-m", "links");
    }

    private static void Git(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", "-c", "core.symlinks=true", .. args])
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!; // git is on PATH wherever these tests run
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, () => $"git {string.Join(' ', args)}: {error.Result}");
    }
}
