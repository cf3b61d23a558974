using System.Text;

namespace PolicyCheck.Reporting.Formats;

/// <summary>Markdown escaping shared by the Markdown writers.</summary>
internal static class MarkdownText
{
    /// <summary>
    /// Backslash-escapes the characters that could end a table cell (<c>|</c>) or start markup; a line break
    /// becomes a space, since a table row must stay on one line.
    /// </summary>
    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~' or '#' or '!')
                escaped.Append('\\').Append(c);
            else if (c is '\r' or '\n')
                escaped.Append(' ');
            else
                escaped.Append(c);
        }

        return escaped.ToString();
    }
}
