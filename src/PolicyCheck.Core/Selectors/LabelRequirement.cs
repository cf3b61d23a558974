using System.Collections.Immutable;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Selectors;

/// <summary>One <c>matchExpressions</c> entry.</summary>
public sealed record LabelRequirement(string Key, SelectorOperator Operator, ImmutableArray<string> Values, SourceSpan Span)
{
    /// <summary>Whether a label map satisfies this requirement. NotIn and DoesNotExist hold when the key is absent.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var present = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            SelectorOperator.In => present && Values.Contains(value!, StringComparer.Ordinal),
            SelectorOperator.NotIn => !present || !Values.Contains(value!, StringComparer.Ordinal),
            SelectorOperator.Exists => present,
            SelectorOperator.DoesNotExist => !present,
            _ => throw new InvalidOperationException($"Unknown operator {Operator}."),
        };
    }
}
