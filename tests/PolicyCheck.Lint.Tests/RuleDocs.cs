using System.Text.RegularExpressions;
using PolicyCheck.TestKit;

namespace PolicyCheck.Lint.Tests;

/// <summary>Reads a rule's docs page, <c>docs/rules/PCxxxx.md</c>, and its yaml examples.</summary>
public static partial class RuleDocs
{
    public static string PathOf(string id) => Path.Combine(Snapshot.RepositoryRoot(), "docs", "rules", id + ".md");

    /// <summary>The first yaml block under the heading <paramref name="heading"/> (e.g. <c>Compliant</c>), or null.</summary>
    public static string? YamlUnder(string page, string heading)
    {
        ArgumentNullException.ThrowIfNull(page);
        var section = Regex.Match(page, $@"^## {Regex.Escape(heading)}\n(?<body>.*?)(?=^## |\z)", RegexOptions.Multiline | RegexOptions.Singleline);
        if (!section.Success)
            return null;
        var block = YamlBlock().Match(section.Groups["body"].Value);
        return block.Success ? block.Groups["yaml"].Value : null;
    }

    [GeneratedRegex(@"^```yaml\n(?<yaml>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
