using System.Collections.Frozen;

namespace PolicyCheck.Manifests.Objects;

/// <summary>
/// The fields the API defines at one level of an object, as strict field validation (<c>kubectl apply</c>'s default)
/// knows them. An unknown field is an error where the level shapes reachability (<paramref name="Strict"/>), or where
/// it is most likely a misspelling of one of the <paramref name="Reachability"/> fields; elsewhere a warning.
/// </summary>
/// <param name="Description">How messages name the level: <c>a Pod spec</c>.</param>
internal sealed record FieldSet(string Description, FrozenSet<string> Fields, bool Strict, FrozenSet<string> Reachability)
{
    public static FieldSet Of(string description, bool strict, string fields, string reachability = "") =>
        new(description, Split(fields), strict, Split(reachability));

    /// <summary>The known field closest to <paramref name="field"/>, when it is close enough to be a typo of it.</summary>
    public string? Suggest(string field)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var known in Fields.Order(StringComparer.Ordinal))
        {
            var distance = string.Equals(known, field, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(known, field);
            if (distance < bestDistance)
                (best, bestDistance) = (known, distance);
        }

        return best is not null && bestDistance <= Math.Max(1, Math.Min(best.Length, field.Length) / 3) ? best : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps, ignoring case.</summary>
    internal static int Distance(string a, string b)
    {
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

    private static FrozenSet<string> Split(string fields) =>
        fields.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
}
