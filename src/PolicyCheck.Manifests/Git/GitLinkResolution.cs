using System.Collections.Immutable;

namespace PolicyCheck.Manifests.Git;

/// <summary>
/// Where a symbolic link of a commit leads: the links passed through (the first is the link itself) and the path at
/// the end, or why it is refused (<paramref name="Refusal"/>: an absolute target, a target above the repository root,
/// or too many links); <paramref name="LeavesRepository"/> for the first two.
/// </summary>
internal sealed record GitLinkResolution(ImmutableArray<string> Links, string? Target, string? Refusal, bool LeavesRepository = false)
{
    public bool Refused => Refusal is not null;
}
