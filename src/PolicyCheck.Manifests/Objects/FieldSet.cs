using System.Collections.Frozen;
using PolicyCheck.Core.Diagnostics;

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
            var distance = string.Equals(known, field, StringComparison.OrdinalIgnoreCase) ? 0 : EditDistance.Between(known, field);
            if (distance < bestDistance)
                (best, bestDistance) = (known, distance);
        }

        return best is not null && bestDistance <= Math.Max(1, Math.Min(best.Length, field.Length) / 3) ? best : null;
    }

    private static FrozenSet<string> Split(string fields) =>
        fields.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
}
