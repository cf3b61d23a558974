using System.Collections.Immutable;
using PolicyCheck.Yaml;

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

    /// <summary>
    /// The <c>operators:</c> list as written (the operator catalogue's schema, docs/operators.md); PolicyCheck.Manifests
    /// reads it, so this project need not know the schema. Null when absent.
    /// </summary>
    public YamlNode? Operators { get; init; }

    /// <summary>The <c>ignore-kinds:</c> list: policy kinds acknowledged as not evaluated, as <c>--ignore-kind</c> takes them.</summary>
    public ImmutableArray<ConfigScalar> IgnoreKinds { get; init; } = [];

    public static ConfigFile Empty(string path) => new(path, null, [], [], []);
}
