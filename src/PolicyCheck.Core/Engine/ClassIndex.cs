using PolicyCheck.Core.Selectors;

namespace PolicyCheck.Core.Engine;

/// <summary>
/// Evaluates pod selectors over all equivalence classes at once through an inverted index (label key → value →
/// classes), so a selector costs a few bit-set operations instead of one label lookup per class. Results are
/// memoised by the selector's text, since many policies repeat the same selectors.
/// </summary>
internal sealed class ClassIndex
{
    private readonly int _length;
    private readonly BitSet _universe;
    private readonly Dictionary<string, Dictionary<string, BitSet>> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BitSet> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BitSet> _memo = new(StringComparer.Ordinal);
    private readonly BitSet _empty;

    /// <param name="length">Bit-set length (classes come first; later bits are never set here).</param>
    /// <param name="labels">Labels of each class, by class index; classes not in <paramref name="eligible"/> are never selected.</param>
    public ClassIndex(int length, IReadOnlyList<IReadOnlyDictionary<string, string>> labels, Func<int, bool> eligible)
    {
        _length = length;
        _universe = new BitSet(length);
        _empty = new BitSet(length);
        for (var c = 0; c < labels.Count; c++)
        {
            if (!eligible(c))
                continue;
            _universe.Set(c);
            foreach (var (key, value) in labels[c])
            {
                if (!_postings.TryGetValue(key, out var values))
                    _postings[key] = values = new Dictionary<string, BitSet>(StringComparer.Ordinal);
                if (!values.TryGetValue(value, out var set))
                    values[value] = set = new BitSet(length);
                set.Set(c);
                if (!_keys.TryGetValue(key, out var keySet))
                    _keys[key] = keySet = new BitSet(length);
                keySet.Set(c);
            }
        }
    }

    /// <summary>The eligible classes the selector matches. The returned set is shared: do not modify it.</summary>
    public BitSet Select(LabelSelector selector)
    {
        var memoKey = MemoKey(selector);
        if (_memo.TryGetValue(memoKey, out var cached))
            return cached;
        var result = _universe.Clone();
        foreach (var (key, value) in selector.MatchLabels)
            result.And(Posting(key, value));
        if (!selector.MatchExpressions.IsDefault)
        {
            foreach (var requirement in selector.MatchExpressions)
            {
                switch (requirement.Operator)
                {
                    case SelectorOperator.In:
                        result.And(AnyOf(requirement));
                        break;
                    case SelectorOperator.NotIn:
                        // NotIn holds when the key is absent or its value is not listed.
                        result.AndNot(AnyOf(requirement));
                        break;
                    case SelectorOperator.Exists:
                        result.And(_keys.GetValueOrDefault(requirement.Key, _empty));
                        break;
                    case SelectorOperator.DoesNotExist:
                        result.AndNot(_keys.GetValueOrDefault(requirement.Key, _empty));
                        break;
                }
            }
        }

        _memo[memoKey] = result;
        return result;
    }

    /// <summary>An unambiguous text for a selector (ToString is for people and could let odd values collide).</summary>
    internal static string MemoKey(LabelSelector selector)
    {
        var key = new System.Text.StringBuilder();
        foreach (var (k, v) in selector.MatchLabels)
            key.Append(k).Append('\u0001').Append(v).Append('\u0002');
        if (!selector.MatchExpressions.IsDefault)
        {
            foreach (var e in selector.MatchExpressions)
                key.Append(e.Key).Append('\u0003').Append((int)e.Operator).Append('\u0003').AppendJoin('\u0001', e.Values).Append('\u0002');
        }

        return key.ToString();
    }

    private BitSet Posting(string key, string value) =>
        _postings.TryGetValue(key, out var values) && values.TryGetValue(value, out var set) ? set : _empty;

    private BitSet AnyOf(LabelRequirement requirement)
    {
        var union = new BitSet(_length);
        foreach (var value in requirement.Values)
            union.Or(Posting(requirement.Key, value));
        return union;
    }
}
