using System.Collections.Immutable;

namespace PolicyCheck.Yaml;

public sealed class YamlSequence : YamlNode
{
    public YamlSequence(TextPosition start, TextPosition end, ImmutableArray<YamlNode> items, long expandedSize)
        : base(start, end, expandedSize)
    {
        Items = items;
    }

    public ImmutableArray<YamlNode> Items { get; }

    public override string Describe() => "a list";
}
