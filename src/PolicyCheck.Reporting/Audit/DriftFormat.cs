namespace PolicyCheck.Reporting.Audit;

/// <summary>The formats of <c>policycheck audit compare</c>.</summary>
public enum DriftFormat
{
    Text,
    Json,
    Markdown,
}
