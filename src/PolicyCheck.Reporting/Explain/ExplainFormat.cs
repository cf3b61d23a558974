namespace PolicyCheck.Reporting.Explain;

/// <summary>The ways an explanation can be written.</summary>
public enum ExplainFormat
{
    /// <summary>Indented text with compiler-style locations (<c>path:line:col</c>); ANSI colour only when asked for.</summary>
    Text,

    /// <summary>The documented <c>policycheck/explain/v1</c> document (docs/explain-output.md).</summary>
    Json,

    /// <summary>GitHub-flavoured Markdown: a heading per flow and nested lists, for pull-request comments.</summary>
    Markdown,
}
