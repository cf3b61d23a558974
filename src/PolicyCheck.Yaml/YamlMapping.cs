using System.Collections.Immutable;

namespace PolicyCheck.Yaml;

public sealed class YamlMapping : YamlNode
{
    public YamlMapping(TextPosition start, TextPosition end, ImmutableArray<YamlEntry> entries, long expandedSize)
        : base(start, end, expandedSize)
    {
        Entries = entries;
    }

    public ImmutableArray<YamlEntry> Entries { get; }

    /// <summary>The value of <paramref name="key"/>, or null when the key is absent.</summary>
    public YamlNode? this[string key]
    {
        get
        {
            foreach (var entry in Entries)
            {
                if (string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
                    return entry.Value;
            }

            return null;
        }
    }

    /// <summary>An empty mapping standing where YAML wrote null, as Go decodes a null list item into a zero struct.</summary>
    public static YamlMapping EmptyAt(YamlNode node) => new(node.Start, node.End, [], 1);

    public override string Describe() => "a mapping";
}
