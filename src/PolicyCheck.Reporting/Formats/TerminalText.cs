using System.Buffers;
using System.Globalization;
using System.Text;

namespace PolicyCheck.Reporting.Formats;

/// <summary>
/// Makes untrusted text (names, labels, values, file names, messages that quote them) safe to print on a terminal.
/// Every C0 control (tab and line breaks included: the writer, not the input, decides where lines end), DEL, every
/// C1 control (U+0080–U+009F, which some terminals read as CSI or OSC) and the bidirectional embeddings, overrides
/// and isolates (U+202A–U+202E, U+2066–U+2069, which can reorder what is shown) become a visible <c>\u001b</c>-style
/// escape, so an escape sequence can neither run nor vanish. Everything else, the backslash included, is kept, so
/// ordinary text and Windows paths print as they are.
/// </summary>
public static class TerminalText
{
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(UnsafeChars());

    /// <summary>Whether <paramref name="c"/> would be escaped.</summary>
    public static bool IsUnsafe(char c) =>
        c < ' ' || c is >= '\u007f' and <= '\u009f' || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069';

    /// <summary><paramref name="text"/> with every unsafe character written as <c>\uXXXX</c> (lower-case hex).</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = text.AsSpan().IndexOfAny(Unsafe);
        if (first < 0)
            return text;
        var clean = new StringBuilder(text.Length + 8);
        clean.Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            if (IsUnsafe(c))
                clean.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else
                clean.Append(c);
        }

        return clean.ToString();
    }

    private static string UnsafeChars()
    {
        var chars = new StringBuilder();
        for (var c = '\0'; c < '\u2070'; c++)
        {
            if (IsUnsafe(c))
                chars.Append(c);
        }

        return chars.ToString();
    }
}
