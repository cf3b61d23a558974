using System.Globalization;
using System.Text;

namespace PolicyCheck.Cli.Tests.Fuzz;

/// <summary>
/// Writes <see cref="FuzzNode"/> documents as block YAML, one <c>---</c> between documents, and records the lines each
/// document and each node took, so the test knows, independently of the loader, which lines belong to which object.
/// A scalar is written plain only when its text reads back as the same plain scalar; anything else is double-quoted
/// with escapes (a plain scalar that needs quoting is always a string, so quoting keeps its meaning).
/// </summary>
internal sealed class FuzzYamlWriter
{
    private readonly StringBuilder _text = new();
    private readonly Dictionary<FuzzNode, (int First, int Last)> _lines = new(ReferenceEqualityComparer.Instance);
    private int _line = 1;

    /// <summary>The written text, each document's first and last line, and each node's lines.</summary>
    public sealed record Written(string Text, IReadOnlyList<(int First, int Last)> Documents, IReadOnlyDictionary<FuzzNode, (int First, int Last)> Lines);

    public static Written Write(IReadOnlyList<FuzzNode> documents)
    {
        var writer = new FuzzYamlWriter();
        var ranges = new List<(int First, int Last)>();
        for (var i = 0; i < documents.Count; i++)
        {
            var first = writer._line;
            if (i > 0)
                writer.EndLine("---");
            writer.WriteRoot(documents[i]);
            ranges.Add((first, writer._line - 1));
        }

        return new Written(writer._text.ToString(), ranges, writer._lines);
    }

    private void WriteRoot(FuzzNode root)
    {
        var first = _line;
        switch (root)
        {
            case FuzzNode.Mapping { Entries.Count: > 0 } mapping:
                WriteMapping(mapping, 0);
                break;
            case FuzzNode.Sequence { Items.Count: > 0 } sequence:
                WriteSequence(sequence, 0);
                break;
            case FuzzNode.Mapping:
                EndLine("{}");
                break;
            case FuzzNode.Sequence:
                EndLine("[]");
                break;
            case FuzzNode.Scalar scalar:
                EndLine(scalar.Value.Length == 0 && !scalar.IsQuoted ? "~" : ScalarText(scalar));
                break;
        }

        _lines[root] = (first, _line - 1);
    }

    private void WriteMapping(FuzzNode.Mapping mapping, int indent)
    {
        var first = _line;
        foreach (var entry in mapping.Entries)
        {
            var key = entry.Key.Value.Length == 0 && !entry.Key.IsQuoted ? "\"\"" : ScalarText(entry.Key);
            _lines[entry.Key] = (_line, _line);
            _text.Append(' ', indent).Append(key).Append(':');
            WriteValue(entry.Value, indent);
        }

        _lines[mapping] = (first, _line - 1);
    }

    private void WriteSequence(FuzzNode.Sequence sequence, int indent)
    {
        var first = _line;
        foreach (var item in sequence.Items)
        {
            _text.Append(' ', indent).Append('-');
            WriteValue(item, indent);
        }

        _lines[sequence] = (first, _line - 1);
    }

    /// <summary>The rest of a line after <c>key:</c> or <c>-</c>, and the lines of a nested collection.</summary>
    private void WriteValue(FuzzNode value, int indent)
    {
        switch (value)
        {
            case FuzzNode.Scalar scalar:
                _lines[scalar] = (_line, _line);
                var text = ScalarText(scalar);
                EndLine(text.Length == 0 ? string.Empty : " " + text);
                break;
            case FuzzNode.Mapping { Entries.Count: 0 } empty:
                _lines[empty] = (_line, _line);
                EndLine(" {}");
                break;
            case FuzzNode.Sequence { Items.Count: 0 } empty:
                _lines[empty] = (_line, _line);
                EndLine(" []");
                break;
            case FuzzNode.Mapping mapping:
                EndLine(string.Empty);
                WriteMapping(mapping, indent + 2);
                break;
            case FuzzNode.Sequence sequence:
                EndLine(string.Empty);
                WriteSequence(sequence, indent + 2);
                break;
        }
    }

    private void EndLine(string text)
    {
        _text.Append(text).Append('\n');
        _line++;
    }

    private static string ScalarText(FuzzNode.Scalar scalar)
    {
        var tag = scalar.Tag is null ? string.Empty : $"!<{scalar.Tag}> ";
        if (!scalar.IsQuoted && IsPlainSafe(scalar.Value))
            return tag + scalar.Value;
        return tag + DoubleQuoted(scalar.Value);
    }

    /// <summary>
    /// Whether <paramref name="value"/> can be written as a plain scalar in block context and read back unchanged: no
    /// leading indicator, no <c>": "</c> or <c>" #"</c>, no surrounding spaces, no line breaks or control characters.
    /// </summary>
    public static bool IsPlainSafe(string value)
    {
        if (value.Length == 0)
            return true;
        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
            return false;
        if ("[]{},#&*!|>'\"%@`".Contains(value[0], StringComparison.Ordinal))
            return false;
        if (value[0] is '-' or '?' or ':' && (value.Length == 1 || value[1] == ' '))
            return false;
        if (value.StartsWith("---", StringComparison.Ordinal) || value.StartsWith("...", StringComparison.Ordinal))
            return false;
        if (value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal) || value[^1] == ':')
            return false;
        return !value.Any(c => char.IsControl(c) || c is '\uFEFF' or '\u2028' or '\u2029' or '\u0085' or '\t');
    }

    public static string DoubleQuoted(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\t': text.Append("\\t"); break;
                case '\r': text.Append("\\r"); break;
                case '\0': text.Append("\\0"); break;
                default:
                    if (char.IsControl(c) || c is '\uFEFF' or '\u2028' or '\u2029')
                        text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else
                        text.Append(c);
                    break;
            }
        }

        return text.Append('"').ToString();
    }
}
