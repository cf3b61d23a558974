using System.Text.Json;

namespace PolicyCheck.Kube.Http;

/// <summary>
/// A key that appears twice in one JSON object of an API answer. System.Text.Json keeps both by default and a
/// lookup then sees only one, so the answer would be read differently by different readers: the client refuses it.
/// <see cref="Path"/> is where the object is (<c>items[3].metadata.labels</c>; empty for the root) and
/// <see cref="Item"/> the index in <c>items</c> when the object is inside a list item.
/// </summary>
internal sealed record DuplicateKey(string Key, string Path, int? Item)
{
    /// <summary>The first repeated key, or null. Throws <see cref="JsonException"/> when the text is not JSON.</summary>
    public static DuplicateKey? Find(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
        var open = new List<Container>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var top = open[^1];
                    var name = reader.GetString() ?? string.Empty;
                    if (!top.Names!.Add(name))
                        return new DuplicateKey(name, PathOf(open), ItemOf(open));
                    top.Property = name;
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    open.RemoveAt(open.Count - 1);
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    var segment = string.Empty;
                    if (open.Count > 0)
                    {
                        var parent = open[^1];
                        if (parent.Names is null)
                            segment = $"[{++parent.Index}]";
                        else
                            segment = parent.Property ?? string.Empty;
                    }

                    open.Add(new Container(segment, reader.TokenType == JsonTokenType.StartObject ? new HashSet<string>(StringComparer.Ordinal) : null));
                    break;
                default:
                    if (open.Count > 0 && open[^1].Names is null)
                        open[^1].Index++;
                    break;
            }
        }

        return null;
    }

    private static string PathOf(List<Container> open)
    {
        var path = new System.Text.StringBuilder();
        foreach (var container in open.Skip(1))
        {
            if (path.Length > 0 && !container.Segment.StartsWith('['))
                path.Append('.');
            path.Append(container.Segment);
        }

        return path.ToString();
    }

    /// <summary>The index of the list item the object is in: root object, its <c>items</c> array, the item.</summary>
    private static int? ItemOf(List<Container> open) =>
        open.Count >= 3 && open[0].Names is not null && open[1].Names is null && open[1].Segment == "items" ? open[1].Index : null;

    private sealed class Container(string segment, HashSet<string>? names)
    {
        public string Segment { get; } = segment;

        /// <summary>The keys seen so far; null for an array.</summary>
        public HashSet<string>? Names { get; } = names;

        public string? Property { get; set; }

        public int Index { get; set; } = -1;
    }
}
