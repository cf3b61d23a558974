namespace PolicyCheck.Reporting.Explain;

/// <summary>The writer for each <see cref="ExplainFormat"/>.</summary>
public static class ExplainWriters
{
    /// <summary>A stateless writer for <paramref name="format"/>; flows come out in the report's order.</summary>
    public static IExplainWriter Create(ExplainFormat format) => format switch
    {
        ExplainFormat.Text => new TextExplainWriter(),
        ExplainFormat.Json => new JsonExplainWriter(),
        ExplainFormat.Markdown => new MarkdownExplainWriter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
