using System.Collections.Immutable;

namespace PolicyCheck.Manifests.Git;

/// <summary>
/// Resolves symbolic links inside a commit's tree the way the operating system resolves them in a checkout: name by
/// name, a link's target relative to the link's folder, <c>..</c> going up one folder, at most
/// <see cref="MaxLinks"/> links (as Linux allows 40). A target outside the repository cannot be read at the commit,
/// so an absolute target or one above the root is refused instead of read from the disk.
/// </summary>
internal static class GitLinks
{
    public const int MaxLinks = 40;

    /// <summary>Resolves the link at <paramref name="linkPath"/>; <paramref name="targetOf"/> gives a link's target text (null: not a link).</summary>
    public static async Task<GitLinkResolution> ResolveAsync(string linkPath, Func<string, Task<string?>> targetOf)
    {
        var links = ImmutableArray.CreateBuilder<string>();
        var folder = new List<string>(linkPath.Split('/'));
        var pending = new LinkedList<string>();
        var current = linkPath;
        while (true)
        {
            if (await targetOf(current) is not { } text)
                break;
            links.Add(current);
            if (links.Count > MaxLinks)
                return new GitLinkResolution(links.ToImmutable(), null, $"it goes through more than {MaxLinks} symbolic links");
            if (text.StartsWith('/') || text.StartsWith('\\') || (text.Length >= 2 && text[1] == ':'))
                return new GitLinkResolution(links.ToImmutable(), null, $"its target '{text}' is an absolute path, which the commit cannot hold", LeavesRepository: true);

            // The link's own name gives way to its target's names, in front of whatever was still to resolve.
            folder.RemoveAt(folder.Count - 1);
            foreach (var name in text.Split('/', '\\').Reverse())
                pending.AddFirst(name);
            current = string.Empty;
            while (pending.Count > 0)
            {
                var name = pending.First!.Value; // the loop runs while the list has names
                pending.RemoveFirst();
                if (name is "" or ".")
                    continue;
                if (name == "..")
                {
                    if (folder.Count == 0)
                        return new GitLinkResolution(links.ToImmutable(), null, $"its target '{text}' leaves the repository", LeavesRepository: true);
                    folder.RemoveAt(folder.Count - 1);
                    continue;
                }

                folder.Add(name);
                var path = string.Join('/', folder);
                if (await targetOf(path) is not null)
                {
                    current = path;
                    break;
                }
            }

            if (current.Length == 0)
                break;
        }

        return new GitLinkResolution(links.ToImmutable(), string.Join('/', folder), null);
    }
}
