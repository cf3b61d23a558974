using System.Collections.Immutable;

namespace PolicyCheck.Lint;

/// <summary>
/// What a rule adds to its descriptor for SARIF consumers: <c>properties.tags</c> and, for security rules, the
/// <c>security-severity</c> GitHub code scanning ranks alerts by (0.1–10: low &lt; 4, medium &lt; 7, high &lt; 9, critical).
/// </summary>
public sealed record RuleMetadata(ImmutableArray<string> Tags, double? SecuritySeverity)
{
    public const string SecurityTag = "security";

    public static RuleMetadata None { get; } = new([], null);

    public static RuleMetadata Security(double securitySeverity) => new([SecurityTag], securitySeverity);
}
