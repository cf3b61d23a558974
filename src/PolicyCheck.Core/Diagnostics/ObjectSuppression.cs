using System.Collections.Immutable;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Diagnostics;

/// <summary>
/// The <c>policycheck.io/ignore</c> annotation of one object: the rule IDs it names (as written, not yet checked),
/// the reason after <c>:</c>, the object's span (findings within it are suppressed) and the annotation's own span.
/// </summary>
public sealed record ObjectSuppression(
    ImmutableArray<string> RuleIds,
    string? Reason,
    SourceSpan ObjectSpan,
    SourceSpan AnnotationSpan)
{
    public const string AnnotationKey = "policycheck.io/ignore";

    /// <summary>Whether <paramref name="span"/> lies within the object: same file, lines inside its span.</summary>
    public bool Covers(SourceSpan span) =>
        string.Equals(span.Path, ObjectSpan.Path, StringComparison.Ordinal) &&
        span.Line >= ObjectSpan.Line && span.Line <= ObjectSpan.EndLine;

    /// <summary>
    /// Reads the annotation value: IDs separated by commas, then optionally <c>:</c> and a reason, e.g.
    /// <c>"PC2001: public web tier"</c>. Blank IDs are dropped.
    /// </summary>
    public static ObjectSuppression Parse(string value, SourceSpan objectSpan, SourceSpan annotationSpan)
    {
        ArgumentNullException.ThrowIfNull(value);
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var ids = colon < 0 ? value : value[..colon];
        var reason = colon < 0 ? null : value[(colon + 1)..].Trim();
        return new ObjectSuppression(
            [.. ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            string.IsNullOrEmpty(reason) ? null : reason,
            objectSpan,
            annotationSpan);
    }
}
