namespace PolicyCheck.Reporting.Diff;

/// <summary>The output formats of <c>policycheck diff</c>.</summary>
public enum DiffFormat
{
    Text,

    /// <summary>The documented contract <c>policycheck/diff/v1</c> (docs/diff-output.md).</summary>
    Json,

    /// <summary>Compact, for pull-request comments and job summaries.</summary>
    Markdown,
}
