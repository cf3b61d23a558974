namespace PolicyCheck.Reporting.Lint;

/// <summary>Text made safe for one GitHub Markdown table cell.</summary>
internal static class MarkdownCell
{
    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("\r", string.Empty, StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal);
}
