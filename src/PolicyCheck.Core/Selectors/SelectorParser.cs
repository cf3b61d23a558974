using System.Collections.Immutable;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Selectors;

/// <summary>
/// Parses kubectl's <c>-l</c> syntax: comma-separated <c>key=value</c>, <c>key==value</c>, <c>key!=value</c>,
/// <c>key in (a,b)</c>, <c>key notin (a,b)</c>, <c>key</c> (exists) and <c>!key</c> (does not exist).
/// <c>key!=value</c> holds when the key is absent, like <c>NotIn</c>.
/// </summary>
public static class SelectorParser
{
    public static bool TryParse(string text, out LabelSelector selector, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        selector = LabelSelector.Everything;
        error = null;
        var requirements = ImmutableArray.CreateBuilder<LabelRequirement>();
        foreach (var term in SplitTerms(text))
        {
            if (!TryParseTerm(term.Trim(), out var requirement, out error))
                return false;
            requirements.Add(requirement);
        }

        selector = new LabelSelector(Labels.Empty, requirements.ToImmutable(), SourceSpan.None);
        return true;
    }

    /// <summary>Splits on commas outside parentheses.</summary>
    private static IEnumerable<string> SplitTerms(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(': depth++; break;
                case ')': depth--; break;
                case ',' when depth == 0:
                    yield return text[start..i];
                    start = i + 1;
                    break;
            }
        }

        if (text.Length > 0)
            yield return text[start..];
    }

    private static bool TryParseTerm(string term, out LabelRequirement requirement, out string? error)
    {
        requirement = null!;
        error = null;
        if (term.Length == 0)
            return Fail("An empty term is not a selector; write terms like 'app=web', 'tier in (a,b)' or '!legacy'.", out error);

        if (term[0] == '!')
        {
            var key = term[1..].Trim();
            if (!IsKey(key))
                return Fail($"'{term}' is not a valid term; '!' must be followed by a label key.", out error);
            requirement = new LabelRequirement(key, SelectorOperator.DoesNotExist, [], SourceSpan.None);
            return true;
        }

        foreach (var (symbol, op) in (ReadOnlySpan<(string, SelectorOperator)>)[("!=", SelectorOperator.NotIn), ("==", SelectorOperator.In), ("=", SelectorOperator.In)])
        {
            var at = term.IndexOf(symbol, StringComparison.Ordinal);
            if (at < 0)
                continue;
            var key = term[..at].Trim();
            var value = term[(at + symbol.Length)..].Trim();
            if (!IsKey(key) || !IsValue(value))
                return Fail($"'{term}' is not a valid term; expected 'key{symbol}value' with a label key and value.", out error);
            requirement = new LabelRequirement(key, op, [value], SourceSpan.None);
            return true;
        }

        var parts = term.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 1)
        {
            if (!IsKey(parts[0]))
                return Fail($"'{term}' is not a valid label key.", out error);
            requirement = new LabelRequirement(parts[0], SelectorOperator.Exists, [], SourceSpan.None);
            return true;
        }

        var rest = parts[1];
        var setOp = rest.StartsWith("notin", StringComparison.Ordinal) ? SelectorOperator.NotIn
            : rest.StartsWith("in", StringComparison.Ordinal) ? SelectorOperator.In
            : (SelectorOperator?)null;
        var open = rest.IndexOf('(', StringComparison.Ordinal);
        if (setOp is null || open < 0 || !rest.EndsWith(')') || !IsKey(parts[0]))
            return Fail($"'{term}' is not a valid term; expected 'key in (a,b)' or 'key notin (a,b)'.", out error);
        var keyword = rest[..open].Trim();
        if (keyword != (setOp == SelectorOperator.In ? "in" : "notin"))
            return Fail($"'{term}' is not a valid term; expected 'key in (a,b)' or 'key notin (a,b)'.", out error);
        var values = rest[(open + 1)..^1].Split(',', StringSplitOptions.TrimEntries);
        if (values.Length == 0 || values.Any(v => v.Length == 0 || !IsValue(v)))
            return Fail($"'{term}' needs a non-empty list of label values in parentheses.", out error);
        requirement = new LabelRequirement(parts[0], setOp.Value, [.. values], SourceSpan.None);
        return true;
    }

    private static readonly System.Buffers.SearchValues<char> Reserved = System.Buffers.SearchValues.Create(" =!(),");

    private static bool IsKey(string key) => key.Length > 0 && !key.AsSpan().ContainsAny(Reserved);

    private static bool IsValue(string value) => !value.AsSpan().ContainsAny(Reserved);

    private static bool Fail(string message, out string? error)
    {
        error = message;
        return false;
    }
}
