using System.Collections.Immutable;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Selectors;

namespace PolicyCheck.TestKit;

/// <summary>Terse label selectors for tests: <c>Selector.MatchLabels(("app", "web")).And(Selector.Exists("tier"))</c>.</summary>
public static class Selector
{
    /// <summary>The selector <c>{}</c>.</summary>
    public static LabelSelector All => LabelSelector.Everything;

    public static LabelSelector MatchLabels(params (string Key, string Value)[] pairs) =>
        new(Labels.Of(pairs), [], SourceSpan.None);

    public static LabelSelector In(string key, params string[] values) => Expression(key, SelectorOperator.In, values);

    public static LabelSelector NotIn(string key, params string[] values) => Expression(key, SelectorOperator.NotIn, values);

    public static LabelSelector Exists(string key) => Expression(key, SelectorOperator.Exists, []);

    public static LabelSelector DoesNotExist(string key) => Expression(key, SelectorOperator.DoesNotExist, []);

    public static LabelSelector Expression(string key, SelectorOperator op, params string[] values) =>
        new(Labels.Empty, [new LabelRequirement(key, op, [.. values], SourceSpan.None)], SourceSpan.None);

    /// <summary>One selector holding the terms of both, as if written in one <c>matchLabels</c>/<c>matchExpressions</c>.</summary>
    public static LabelSelector And(this LabelSelector first, LabelSelector second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var labels = first.MatchLabels.SetItems(second.MatchLabels);
        var expressions = (first.MatchExpressions.IsDefault ? [] : first.MatchExpressions)
            .AddRange(second.MatchExpressions.IsDefault ? ImmutableArray<LabelRequirement>.Empty : second.MatchExpressions);
        return new LabelSelector(labels, expressions, SourceSpan.None);
    }
}
