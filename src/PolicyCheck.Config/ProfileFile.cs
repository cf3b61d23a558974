using System.Collections.Immutable;

namespace PolicyCheck.Config;

/// <summary>
/// A lint profile (<c>policies/*.yaml</c> or a file given to <c>--profile</c>): rule settings, optionally laid on
/// top of the profile named by <paramref name="Extends"/> (a shipped name or a path relative to this file).
/// </summary>
public sealed record ProfileFile(
    string Path,
    string? Name,
    string? Description,
    ConfigScalar? Extends,
    ImmutableArray<RuleEntry> Rules);
