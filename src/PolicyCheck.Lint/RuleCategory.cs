namespace PolicyCheck.Lint;

/// <summary>The category names rules report under; each matches an ID band of <see cref="RuleIds"/>.</summary>
public static class RuleCategory
{
    public const string Correctness = "Correctness";
    public const string Security = "Security";
    public const string Services = "Services";
    public const string Tool = "Tool";
}
