using System.Collections.Immutable;

namespace PolicyCheck.Core.Model;

/// <summary>Label maps are sorted by key (ordinal) so that output and equivalence keys are deterministic.</summary>
public static class Labels
{
    public static ImmutableSortedDictionary<string, string> Empty { get; } =
        ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal, StringComparer.Ordinal);

    public static ImmutableSortedDictionary<string, string> From(IEnumerable<KeyValuePair<string, string>> pairs) =>
        Empty.SetItems(pairs);

    public static ImmutableSortedDictionary<string, string> Of(params (string Key, string Value)[] pairs) =>
        Empty.SetItems(pairs.Select(p => KeyValuePair.Create(p.Key, p.Value)));
}
