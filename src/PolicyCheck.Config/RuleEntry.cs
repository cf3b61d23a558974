using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Config;

/// <summary>
/// One entry of <c>rules:</c>: <c>PC2003: {enabled: true, severity: error, params: {…}}</c>. Null means the key
/// was not written. <paramref name="Span"/> is the rule ID key.
/// </summary>
public sealed record RuleEntry(
    string RuleId,
    bool? Enabled,
    Severity? Severity,
    ImmutableArray<(string Name, ConfigValue Value)> Parameters,
    SourceSpan Span);
