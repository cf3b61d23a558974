using PolicyCheck.Core.Diagnostics;

namespace PolicyCheck.Cli;

/// <summary>
/// "Did you mean": the known name nearest to a mistyped one, by <see cref="EditDistance"/>, or the one name it starts.
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
            var distance = EditDistance.Between(word, candidate);
            if (distance <= Math.Max(1, candidate.Length / 3) && distance < bestDistance)
                (best, bestDistance) = (name, distance);
            if (word.Length >= 3 && candidate.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                prefixed.Add(name);
        }

        return best ?? (prefixed.Count == 1 ? prefixed[0] : null);
    }

    private static bool IsOption(string name) => name.StartsWith('-');
}
