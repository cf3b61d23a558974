using System.Collections.Immutable;

namespace PolicyCheck.Config;

/// <summary>
/// A <c>.policycheck.yaml</c>: the lint profile, rule settings on top of it, input globs to ignore (relative to
/// the file's folder), default options per command and the network plugin profile.
/// </summary>
public sealed record ConfigFile(
    string Path,
    ConfigScalar? Profile,
    ImmutableArray<RuleEntry> Rules,
    ImmutableArray<ConfigScalar> Ignore,
    ImmutableArray<OptionDefault> Defaults)
{
    public const string FileName = ".policycheck.yaml";

    /// <summary>
    /// <c>cni:</c>, the network plugin profile for every command that evaluates (as <c>--cni</c>); a command's own
    /// <c>defaults</c> entry and the command line win. <c>null</c> when not written.
    /// </summary>
    public ConfigScalar? Cni { get; init; }

    public static ConfigFile Empty(string path) => new(path, null, [], [], []);
}
