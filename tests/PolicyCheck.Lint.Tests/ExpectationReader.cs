using System.Text.RegularExpressions;

namespace PolicyCheck.Lint.Tests;

/// <summary>
/// Reads expectations written as YAML comments: <c># expect: PC1004 'text'</c> on the line where the finding starts,
/// or <c># expect@+1: …</c> for the next line; several findings may follow one another on one comment. A quiet file
/// opens with <c># quiet: why it must not fire</c>.
/// </summary>
public static partial class ExpectationReader
{
    public static IReadOnlyList<Expectation> Read(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var expectations = new List<Expectation>();
        var lines = yaml.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var match = ExpectComment().Match(lines[i]);
            if (!match.Success)
                continue;
            var line = i + 1 + (match.Groups["offset"].Success ? int.Parse(match.Groups["offset"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0);
            foreach (Match finding in Finding().Matches(match.Groups["findings"].Value))
            {
                var fragments = finding.Groups["text"].Captures.Select(c => c.Value).ToList();
                expectations.Add(new Expectation(finding.Groups["id"].Value, line, fragments));
            }
        }

        return expectations;
    }

    /// <summary>The reason after <c># quiet:</c> on the first line, or null when the file does not open with one.</summary>
    public static string? QuietReason(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var match = QuietHeader().Match(yaml);
        return match.Success ? match.Groups["why"].Value.Trim() : null;
    }

    [GeneratedRegex(@"#\s*expect(?:@\+(?<offset>\d+))?:(?<findings>.*)$")]
    private static partial Regex ExpectComment();

    [GeneratedRegex(@"(?<id>PC\d{4})(?:\s+'(?<text>[^']*)')*")]
    private static partial Regex Finding();

    [GeneratedRegex(@"\A#\s*quiet:(?<why>[^\n]*)")]
    private static partial Regex QuietHeader();
}
