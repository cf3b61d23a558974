using System.Diagnostics.CodeAnalysis;

namespace PolicyCheck.Manifests.Git;

/// <summary>
/// The files of a ref (<paramref name="Tree"/>), or why they could not be read (<paramref name="Error"/>: no git, no
/// repository, paths in two repositories, a bad ref, a failing git), as one sentence for the user.
/// </summary>
public sealed record GitTreeReadResult(GitTree? Tree, string? Error)
{
    [MemberNotNullWhen(true, nameof(Tree))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Tree is not null;

    internal static GitTreeReadResult Failed(string error) => new(null, error);
}
