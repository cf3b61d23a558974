using System.Collections.Immutable;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Selectors;

/// <summary>
/// A <c>metav1.LabelSelector</c>: every <c>matchLabels</c> pair and every <c>matchExpressions</c> entry must hold.
/// An empty selector (<c>{}</c>) matches everything; an absent selector is modelled as <c>null</c> by its owner.
/// </summary>
public sealed record LabelSelector(
    ImmutableSortedDictionary<string, string> MatchLabels,
    ImmutableArray<LabelRequirement> MatchExpressions,
    SourceSpan Span)
{
    /// <summary>The selector <c>{}</c>, which selects every object.</summary>
    public static LabelSelector Everything { get; } = new(Labels.Empty, [], SourceSpan.None);

    public bool IsEmpty => MatchLabels.Count == 0 && MatchExpressions.IsDefaultOrEmpty;

    /// <summary>Label keys this selector looks at; only these keys can change its answer.</summary>
    public IEnumerable<string> Keys => MatchLabels.Keys.Concat(MatchExpressions.IsDefault ? [] : MatchExpressions.Select(e => e.Key));

    public static LabelSelector FromMatchLabels(params (string Key, string Value)[] pairs) =>
        new(Labels.Of(pairs), [], SourceSpan.None);

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        foreach (var (key, value) in MatchLabels)
        {
            // matchLabels {k: ""} requires the key with an empty value; a missing key never matches.
            if (!labels.TryGetValue(key, out var actual) || !string.Equals(actual, value, StringComparison.Ordinal))
                return false;
        }

        if (!MatchExpressions.IsDefault)
        {
            foreach (var requirement in MatchExpressions)
            {
                if (!requirement.Matches(labels))
                    return false;
            }
        }

        return true;
    }

    /// <summary>The selector in kubectl's <c>-l</c> syntax, e.g. <c>app=web,tier in (a,b),!legacy</c>; <c>{}</c> when empty.</summary>
    public override string ToString()
    {
        if (IsEmpty)
            return "{}";
        var parts = MatchLabels.Select(p => $"{p.Key}={p.Value}").ToList();
        if (!MatchExpressions.IsDefault)
        {
            parts.AddRange(MatchExpressions.Select(e => e.Operator switch
            {
                SelectorOperator.In => $"{e.Key} in ({string.Join(',', e.Values)})",
                SelectorOperator.NotIn => $"{e.Key} notin ({string.Join(',', e.Values)})",
                SelectorOperator.Exists => e.Key,
                _ => "!" + e.Key,
            }));
        }

        return string.Join(',', parts);
    }
}
