namespace PolicyCheck.Yaml;

/// <summary>
/// Line-by-line scans of the raw text that <see cref="YamlDocumentReader"/> needs where YamlDotNet's events stop
/// helping: where to resume after a syntax error, and where a tab really is. <c>chunkStart</c> is the index the
/// current parse started at and <c>firstLine</c> the 1-based line number of that index.
/// </summary>
internal static class YamlTextScan
{
    /// <summary>
    /// Where to parse again after a syntax error: the next line that starts a document (<c>---</c>) or ends one
    /// (<c>...</c>). The error's own line qualifies when the error is the marker itself (an unclosed scalar or
    /// bracket cut off by the next document), so that document is not lost.
    /// </summary>
    public static bool TryFindResumePoint(string text, int chunkStart, int firstLine, TextPosition error, out int resumeIndex, out int resumeLine)
    {
        var index = chunkStart;
        var line = firstLine;
        while (index < text.Length)
        {
            var qualifies = line > error.Line || (line == error.Line && error.Column == 1 && index > chunkStart);
            if (qualifies && IsDocumentMarker(text, index))
            {
                resumeIndex = index;
                resumeLine = line;
                return true;
            }

            var next = text.AsSpan(index).IndexOfAny('\r', '\n');
            if (next < 0)
                break;
            index += next;
            index += text[index] == '\r' && index + 1 < text.Length && text[index + 1] == '\n' ? 2 : 1;
            line++;
        }

        resumeIndex = 0;
        resumeLine = 0;
        return false;
    }

    /// <summary>
    /// The first tab character from <paramref name="from"/> on, through the line of <paramref name="to"/> or, when
    /// YamlDotNet places the end before the tab too, up to the end of the document.
    /// </summary>
    public static TextPosition? FindTab(string text, int chunkStart, int firstLine, TextPosition from, TextPosition to)
    {
        var index = chunkStart;
        var line = firstLine;
        while (index < text.Length && (line <= to.Line || !IsDocumentMarker(text, index)))
        {
            var next = text.AsSpan(index).IndexOfAny('\r', '\n');
            var length = next < 0 ? text.Length - index : next;
            if (line >= from.Line)
            {
                var skip = line == from.Line ? Math.Min(from.Column - 1, length) : 0;
                var tab = text.AsSpan(index + skip, length - skip).IndexOf('\t');
                if (tab >= 0)
                    return new TextPosition(line, skip + tab + 1);
            }

            if (next < 0)
                break;
            index += next;
            index += text[index] == '\r' && index + 1 < text.Length && text[index + 1] == '\n' ? 2 : 1;
            line++;
        }

        return null;
    }

    public static bool IsDocumentMarker(string text, int index)
    {
        var rest = text.AsSpan(index);
        if (!rest.StartsWith("---", StringComparison.Ordinal) && !rest.StartsWith("...", StringComparison.Ordinal))
            return false;
        return rest.Length == 3 || rest[3] is ' ' or '\t' or '\r' or '\n';
    }
}
