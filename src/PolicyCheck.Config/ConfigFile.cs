using System.Collections.Immutable;
using PolicyCheck.Yaml;

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

    /// <summary>
    /// The <c>operators:</c> list as written (the operator catalogue's schema, docs/operators.md); PolicyCheck.Manifests
    /// reads it, so this project need not know the schema. Null when absent.
    /// </summary>
    public YamlNode? Operators { get; init; }

    /// <summary>The <c>ignore-kinds:</c> list: policy kinds acknowledged as not evaluated, as <c>--ignore-kind</c> takes them.</summary>
    public ImmutableArray<ConfigScalar> IgnoreKinds { get; init; } = [];

    public static ConfigFile Empty(string path) => new(path, null, [], [], []);
}
