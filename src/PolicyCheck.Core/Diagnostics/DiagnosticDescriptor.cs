namespace PolicyCheck.Core.Diagnostics;

/// <summary>
/// What a diagnostic is, shaped like a SARIF <c>reportingDescriptor</c>. <paramref name="MessageFormat"/> is a
/// composite format string whose arguments come from <see cref="Diagnostic.Arguments"/>.
/// </summary>
public sealed record DiagnosticDescriptor(
    string Id,
    string Name,
    string Title,
    string MessageFormat,
    string Category,
    Severity DefaultSeverity)
{
    /// <summary>The documentation page of the ID, derived in this one place.</summary>
    public Uri HelpUri => new($"https://github.com/policycheck/policycheck/blob/main/docs/rules/{Id}.md");
}
