using System.Collections.Immutable;

namespace PolicyCheck.Config;

/// <summary>
/// A <c>.policycheck.yaml</c>: the lint profile, rule settings on top of it, input globs to ignore (relative to
/// the file's folder) and default options per command.
/// </summary>
public sealed record ConfigFile(
    string Path,
    ConfigScalar? Profile,
    ImmutableArray<RuleEntry> Rules,
    ImmutableArray<ConfigScalar> Ignore,
    ImmutableArray<OptionDefault> Defaults)
{
    public const string FileName = ".policycheck.yaml";

    public static ConfigFile Empty(string path) => new(path, null, [], [], []);
}
