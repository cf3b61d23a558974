namespace PolicyCheck.Reporting.List;

/// <summary>The writer for each <see cref="ListFormat"/>.</summary>
public static class ListWriters
{
    /// <summary>A writer for <paramref name="format"/>; writers are stateless and may be shared.</summary>
    public static IListWriter Create(ListFormat format) => format switch
    {
        ListFormat.Text => new TextListWriter(),
        ListFormat.Json => new JsonListWriter(),
        ListFormat.Csv => new CsvListWriter(),
        ListFormat.Markdown => new MarkdownListWriter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
