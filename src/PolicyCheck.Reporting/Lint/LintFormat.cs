namespace PolicyCheck.Reporting.Lint;

/// <summary>The output formats of <c>policycheck lint</c> and <c>policycheck rules</c>.</summary>
public enum LintFormat
{
    Text,
    Json,
    Markdown,

    /// <summary>SARIF 2.1.0 for GitHub code scanning (lint only).</summary>
    Sarif,
}
