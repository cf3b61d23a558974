namespace PolicyCheck.Yaml;

/// <summary>A mapping or sequence <see cref="YamlDocumentReader"/> has opened and not yet closed, with what it holds so far.</summary>
internal sealed class OpenCollection(bool isMapping, bool isFlow, TextPosition start, string? anchor)
{
    public bool IsMapping { get; } = isMapping;

    public bool IsFlow { get; } = isFlow;

    public TextPosition Start { get; } = start;

    public string? Anchor { get; } = anchor;

    public List<YamlEntry> Entries => field ??= [];

    public List<YamlNode> Items => field ??= [];

    /// <summary>True between a mapping's key and its value; <see cref="Key"/> is null when the key was not a scalar.</summary>
    public bool HasKey { get; set; }

    public YamlScalar? Key { get; set; }

    public long Size { get; set; } = 1;

    public TextPosition? LastEnd { get; set; }
}
