using PolicyCheck.Yaml;

namespace PolicyCheck.Cli.Tests.Fuzz;

/// <summary>
/// An editable copy of a YAML document for the manifest fuzz test: read once from a bundled example through the
/// product's own <see cref="YamlDocumentReader"/>, changed in place by <see cref="ManifestMutator"/> and written back
/// by <see cref="FuzzYamlWriter"/>. A scalar keeps whether it was quoted, so a written <c>"80"</c> stays a string and a
/// plain <c>80</c> a number.
/// </summary>
internal abstract class FuzzNode
{
    public abstract FuzzNode Clone();

    /// <summary>A short form for failure messages: the scalar's text, or <c>{…}</c> / <c>[…]</c> with the entry count.</summary>
    public abstract string Describe();

    public static FuzzNode From(YamlNode node) => node switch
    {
        YamlScalar scalar => new Scalar(scalar.Value, quoted: !scalar.IsPlain, scalar.Tag),
        YamlMapping mapping => new Mapping(mapping.Entries.Select(e => new Entry((Scalar)From(e.Key), From(e.Value)))),
        YamlSequence sequence => new Sequence(sequence.Items.Select(From)),
        _ => throw new ArgumentException($"Unexpected node type {node.GetType().Name}.", nameof(node)),
    };

    /// <summary>A plain scalar (resolved as YAML 1.1 does: <c>80</c> a number, <c>yes</c> a boolean, empty null).</summary>
    public static Scalar Plain(string value) => new(value, quoted: false, tag: null);

    /// <summary>A double-quoted scalar: always a string.</summary>
    public static Scalar Quoted(string value) => new(value, quoted: true, tag: null);

    internal sealed class Scalar(string value, bool quoted, string? tag) : FuzzNode
    {
        public string Value { get; } = value;

        public bool IsQuoted { get; } = quoted;

        public string? Tag { get; } = tag;

        public override FuzzNode Clone() => new Scalar(Value, IsQuoted, Tag);

        public override string Describe()
        {
            var shown = Value.Length > 40 ? $"{Value[..40]}…({Value.Length} chars)" : Value;
            shown = string.Concat(shown.Select(c => char.IsControl(c) ? $"\\x{(int)c:X2}" : c.ToString()));
            return IsQuoted ? $"\"{shown}\"" : shown.Length == 0 ? "(empty: null)" : shown;
        }
    }

    internal sealed class Entry(Scalar key, FuzzNode value)
    {
        public Scalar Key { get; set; } = key;

        public FuzzNode Value { get; set; } = value;

        public Entry Clone() => new((Scalar)Key.Clone(), Value.Clone());
    }

    internal sealed class Mapping(IEnumerable<Entry> entries) : FuzzNode
    {
        public List<Entry> Entries { get; } = [.. entries];

        public FuzzNode? this[string key] => Entries.Find(e => e.Key.Value == key)?.Value;

        public override FuzzNode Clone() => new Mapping(Entries.Select(e => e.Clone()));

        public override string Describe() => $"{{mapping of {Entries.Count}}}";
    }

    internal sealed class Sequence(IEnumerable<FuzzNode> items) : FuzzNode
    {
        public List<FuzzNode> Items { get; } = [.. items];

        public override FuzzNode Clone() => new Sequence(Items.Select(i => i.Clone()));

        public override string Describe() => $"[list of {Items.Count}]";
    }
}
