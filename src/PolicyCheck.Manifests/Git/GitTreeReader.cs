using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Manifests.Git;

/// <summary>
/// Copies manifests as they are at a git commit into a temporary folder with <c>git ls-tree</c> and
/// <c>git cat-file --batch</c>: no checkout, nothing in the work tree or the index changes, and unlike
/// <c>git archive</c> no <c>export-ignore</c> attribute can hide a file.
/// </summary>
public static class GitTreeReader
{
    private static readonly string[] ManifestExtensions = [".yaml", ".yml", ".json"];

    /// <summary>
    /// Copies the request's paths as they are at its ref, in the repository that holds them: a folder gives its
    /// .yaml, .yml and .json files, a file is copied whatever its name. A path missing at the ref is listed in
    /// <see cref="GitTree.Missing"/>. No git, no repository, paths in two repositories, a bad ref or a failing git
    /// give an error instead of a tree; only cancellation throws.
    /// </summary>
    public static async Task<GitTreeReadResult> TryReadAsync(GitTreeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (git, reference) = (request.Git, request.Reference);
        string? root = null;
        var requested = new List<(string Written, string InRepo)>();
        foreach (var path in request.Paths.Count == 0 ? ["."] : request.Paths)
        {
            // Ask git where the path is from the nearest existing folder, so a path deleted since the ref still works
            // and symlinked folders resolve the way git sees them.
            var full = Path.GetFullPath(path, request.WorkingDirectory);
            var here = full;
            while (!Directory.Exists(here) && Path.GetDirectoryName(here) is { } parent)
                here = parent;
            var where = await GitProcess.RunAsync(git, here, ["rev-parse", "--show-toplevel", "--show-prefix"], cancellationToken);
            if (where.NotInstalled)
                return GitTreeReadResult.Failed($"--git needs git, but '{git}' could not be started; install git or put it on PATH.");
            if (where.ExitCode != 0)
                return GitTreeReadResult.Failed($"'{path}' is not inside a git repository ({GitProcess.FirstLine(where.Error)}).");

            var lines = where.Output.Split('\n');
            var top = lines[0].Trim();
            var prefix = lines.Length > 1 ? lines[1].Trim() : string.Empty;
            if (root is not null && top != root)
                return GitTreeReadResult.Failed($"'{path}' is in another git repository ('{top}') than the first path ('{root}').");

            root = top;
            if (GitTreeListing.InRepository(prefix, here, full) is not { } inRepo)
                return GitTreeReadResult.Failed($"'{path}' is outside the git repository at '{root}'.");

            requested.Add((path, inRepo));
        }

        var repository = root!; // the loop ran at least once, and every pass sets root or returns
        var commit = await GitProcess.RunAsync(git, repository, ["rev-parse", "--verify", "--quiet", "--end-of-options", reference + "^{commit}"], cancellationToken);
        if (reference.Length == 0 || commit.ExitCode != 0)
        {
            // A shallow clone (CI checkouts often fetch one commit) lacks the base: say how to get it.
            var shallow = (await GitProcess.RunAsync(git, repository, ["rev-parse", "--is-shallow-repository"], cancellationToken)).Output.Trim() == "true";
            return GitTreeReadResult.Failed(
                $"'{reference}' is not a commit in the repository at '{root}'; use a branch, tag or commit id" +
                (shallow ? " (this clone is shallow: fetch the ref first, e.g. 'git fetch origin <ref>' or a full-depth checkout)." : "."));
        }

        var folder = Directory.CreateTempSubdirectory("policycheck-diff-").FullName;
        try
        {
            var result = await CopyAsync(request, repository, commit.Output.Trim(), requested, folder, cancellationToken);
            if (!result.Succeeded)
                GitTree.Delete(folder);
            return result;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            GitTree.Delete(folder);
            return GitTreeReadResult.Failed($"cannot copy the files at '{reference}' to '{folder}': {ex.Message}");
        }
        catch (OperationCanceledException)
        {
            GitTree.Delete(folder);
            throw;
        }
    }

    private static async Task<GitTreeReadResult> CopyAsync(
        GitTreeRequest request, string repository, string sha, List<(string Written, string InRepo)> requested, string folder, CancellationToken cancellationToken)
    {
        // The whole tree, so that links can be followed anywhere in the repository, as in a checkout.
        var listing = await GitProcess.RunAsync(request.Git, repository, ["ls-tree", "-r", "-t", "-z", sha], cancellationToken);
        if (listing.ExitCode != 0)
            return GitTreeReadResult.Failed($"git ls-tree failed at '{request.Reference}': {GitProcess.FirstLine(listing.Error)}");

        var entries = GitTreeListing.Parse(listing.Output).ToDictionary(e => e.Path, StringComparer.Ordinal);
        var linkTargets = new Dictionary<string, string>(StringComparer.Ordinal);
        async Task<string?> TargetOf(string path)
        {
            if (!entries.TryGetValue(path, out var entry) || !entry.IsLink)
                return null;
            if (!linkTargets.TryGetValue(path, out var text))
            {
                var blob = await GitProcess.RunAsync(request.Git, repository, ["cat-file", "blob", entry.Object], cancellationToken);
                if (blob.ExitCode != 0)
                    throw new IOException($"git cat-file cannot read the link '{path}': {GitProcess.FirstLine(blob.Error)}");
                linkTargets[path] = text = blob.Output;
            }

            return text;
        }

        var found = new List<string>();
        var missing = new List<string>();
        var blobs = new Dictionary<string, GitBlob>(StringComparer.Ordinal);
        var links = new SortedSet<string>(StringComparer.Ordinal);
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var (written, inRepo) in requested)
        {
            var under = entries.Values.Where(e => e.Type == "blob" && GitTreeListing.IsAtOrBelow(e.Path, inRepo)).OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
            if (under.Count == 0)
            {
                missing.Add(written);
                continue;
            }

            var isFile = under.Count == 1 && under[0].Path == inRepo;
            found.Add(inRepo.Length == 0 ? folder : Path.Combine(folder, inRepo));
            foreach (var entry in under)
            {
                var named = isFile || IsManifest(entry.Path);
                if (entry.IsFile)
                {
                    if (named)
                        blobs[entry.Path] = new GitBlob(entry.Object, entry.Path);
                    continue;
                }

                // A link is copied as a link, with what it leads to, so the loader treats it as in the work tree: a
                // folder follows it when it stays inside the folder, and a named file follows it anywhere.
                var resolution = await GitLinks.ResolveAsync(entry.Path, TargetOf);
                if (resolution.Refused)
                {
                    // Only a link the loader would read is worth an error: the work tree skips other names too.
                    if (named)
                        diagnostics.Add(Refusal(request.Reference, entry.Path, resolution));
                    continue;
                }

                links.UnionWith(resolution.Links);
                if (resolution.Target is { } target && entries.TryGetValue(target, out var end))
                {
                    if (end.IsFile)
                    {
                        blobs[end.Path] = new GitBlob(end.Object, end.Path);
                    }
                    else if (end.IsTree)
                    {
                        folders.Add(end.Path);
                        if (isFile)
                        {
                            // The named path is a link to a folder: the loader reads that folder's manifests through it.
                            foreach (var inside in entries.Values.Where(e => e.IsFile && GitTreeListing.IsAtOrBelow(e.Path, end.Path) && IsManifest(e.Path)))
                                blobs[inside.Path] = new GitBlob(inside.Object, inside.Path);
                        }
                    }
                }
            }
        }

        if (await CatFileBatch.WriteAsync(request.Git, repository, folder, [.. blobs.Values.OrderBy(b => b.Path, StringComparer.Ordinal)], cancellationToken) is { } writeError)
            return GitTreeReadResult.Failed($"git cat-file failed at '{request.Reference}': {writeError}");

        foreach (var path in folders)
            Directory.CreateDirectory(Path.Combine(folder, Local(path)));
        foreach (var link in links)
        {
            var at = Path.Combine(folder, Local(link));
            Directory.CreateDirectory(Path.GetDirectoryName(at)!); // at is below folder, so it has a parent
            File.CreateSymbolicLink(at, Local(linkTargets[link]));
        }

        return new GitTreeReadResult(new GitTree(request.Reference, repository, folder, [.. found], [.. missing], diagnostics.ToImmutable()), null);
    }

    private static bool IsManifest(string path) => ManifestExtensions.Any(x => path.EndsWith(x, StringComparison.OrdinalIgnoreCase));

    private static string Local(string path) => path.Replace('/', Path.DirectorySeparatorChar);

    /// <summary>The error for a link the commit cannot resolve, shaped as the work tree's loader gives it.</summary>
    private static Diagnostic Refusal(string reference, string path, GitLinkResolution resolution) =>
        resolution.LeavesRepository
            ? Diagnostic.Create(LoadDiagnostics.LinkOutsideInput, SourceSpan.None, $"{reference}:{path}", $"{reference}:")
            : Diagnostic.Create(LoadDiagnostics.InputUnreadable, SourceSpan.None, $"{reference}:{path}", resolution.Refusal);
}
