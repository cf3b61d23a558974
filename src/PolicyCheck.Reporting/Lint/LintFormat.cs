namespace PolicyCheck.Reporting.Lint;

/// <summary>The output formats of <c>policycheck lint</c> and <c>policycheck rules</c>.</summary>
public enum LintFormat
{
    Text,
    Json,
    Markdown,
}
