using System.Collections.Immutable;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint.Settings;

/// <summary>
/// A parameter value as a profile or configuration wrote it, before the rule's parameter reads it: one scalar, or a
/// list of scalars (<paramref name="IsList"/>), each with its span so that a bad item is reported where it is.
/// </summary>
public sealed record RuleParameterValue(ImmutableArray<string> Items, ImmutableArray<SourceSpan> ItemSpans, bool IsList, SourceSpan Span)
{
    public static RuleParameterValue Scalar(string text, SourceSpan span) => new([text], [span], false, span);

    public static RuleParameterValue List(IEnumerable<(string Text, SourceSpan Span)> items, SourceSpan span)
    {
        var all = items.ToList();
        return new([.. all.Select(i => i.Text)], [.. all.Select(i => i.Span)], true, span);
    }
}
