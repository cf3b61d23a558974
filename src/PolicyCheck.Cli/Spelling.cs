namespace PolicyCheck.Cli;

/// <summary>
/// "Did you mean": the known name nearest to a mistyped one, by edit distance (insertions, deletions,
/// substitutions and swaps of two neighbours each count 1, case ignored), or the one name it starts.
/// </summary>
internal static class Spelling
{
    /// <summary>
    /// The name in <paramref name="names"/> nearest to <paramref name="typed"/>: at most a third of its letters
    /// (at least one) off, the nearest winning and the first listed breaking a tie; else the only name that
    /// <paramref name="typed"/> (three letters or more) begins; else null. Leading dashes are not letters, but an
    /// option is only ever matched with options and a word with words; one-letter names (<c>-n</c>) are never
    /// suggested, as any letter is one edit from any other.
    /// </summary>
    public static string? Nearest(string typed, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(names);
        var word = typed.TrimStart('-');
        if (word.Length == 0)
            return null;
        string? best = null;
        var bestDistance = int.MaxValue;
        var prefixed = new List<string>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            var candidate = name.TrimStart('-');
            if (string.Equals(name, typed, StringComparison.OrdinalIgnoreCase) || candidate.Length < 2 || IsOption(name) != IsOption(typed))
                continue;
            var distance = Distance(word, candidate);
            if (distance <= Math.Max(1, candidate.Length / 3) && distance < bestDistance)
                (best, bestDistance) = (name, distance);
            if (word.Length >= 3 && candidate.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                prefixed.Add(name);
        }

        return best ?? (prefixed.Count == 1 ? prefixed[0] : null);
    }

    /// <summary>The optimal string alignment distance, case-insensitive.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 2]) &&
                    char.ToLowerInvariant(a[i - 2]) == char.ToLowerInvariant(b[j - 1]))
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length];
    }

    private static bool IsOption(string name) => name.StartsWith('-');
}
