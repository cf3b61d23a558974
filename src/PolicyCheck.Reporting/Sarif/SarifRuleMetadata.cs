using System.Collections.Immutable;

namespace PolicyCheck.Reporting.Sarif;

/// <summary>
/// What a rule's descriptor alone does not say: <paramref name="Tags"/> (<c>security</c> for security rules),
/// <paramref name="SecuritySeverity"/> as GitHub reads it (a CVSS-like score such as <c>"7.5"</c>), the help page in
/// Markdown and a full description. A null help or description takes the default that <see cref="SarifMapping"/>
/// derives from the descriptor (its title as a sentence, linking the rule's page), so callers never restate it.
/// </summary>
public sealed record SarifRuleMetadata(
    ImmutableArray<string> Tags,
    string? SecuritySeverity,
    string? HelpMarkdown = null,
    string? FullDescription = null,
    SarifPrecision Precision = SarifPrecision.High);
