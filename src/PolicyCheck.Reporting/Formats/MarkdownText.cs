using System.Text;

namespace PolicyCheck.Reporting.Formats;

/// <summary>Markdown escaping shared by the Markdown writers.</summary>
internal static class MarkdownText
{
    /// <summary>
    /// Backslash-escapes the characters that could end a table cell (<c>|</c>) or start markup or HTML (<c>&lt;</c>,
    /// so no tag or autolink can open); a line break becomes a space, since a table row must stay on one line. A
    /// <c>&gt;</c> is kept: the text is never at the start of a line, where alone it would mean a quote, and our own
    /// <c>-&gt;</c> arrows stay readable in the source.
    /// </summary>
    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '|' or '~' or '#' or '!')
                escaped.Append('\\').Append(c);
            else if (c is '\r' or '\n')
                escaped.Append(' ');
            else
                escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>
    /// Text for inside a code span (<c>`…`</c>), where backslash escapes do not work: a backtick, which would end the
    /// span, becomes <c>'</c>; a pipe, which would end a table cell even there (GitHub), is escaped; a line break
    /// becomes a space.
    /// </summary>
    internal static string Code(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("`", "'", StringComparison.Ordinal)
            .Replace("\r", " ", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal);
}
