using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PolicyCheck.Yaml;

/// <summary>
/// Turns YamlDotNet's low-level event stream into <see cref="YamlDocument"/>s in one pass, with bounds on nesting,
/// scalar length and alias expansion. A syntax error or an exceeded bound drops the document it is in; reading
/// resumes at the next <c>---</c> line, so later documents of the same file still load.
/// </summary>
public sealed class YamlDocumentReader
{
    public const int MaxDepth = 64;
    public const int MaxScalarLength = 1024 * 1024;
    public const long MaxAliasExpansion = 1_000_000;
    private const int SmallMapping = 16;

    private readonly string _path;
    private readonly List<Diagnostic> _diagnostics;
    private readonly List<OpenCollection> _stack = [];
    private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
    private readonly List<TextPosition> _faults = [];
    private readonly Func<string, string, bool>? _isSkippedKind;
    private YamlNode? _root;
    private bool _abandoned;
    private TextPosition _abandonedAt;
    private long _aliasExpansion;
    private int _lineOffset;

    /// <param name="path">The file the text comes from, for every diagnostic's span.</param>
    /// <param name="diagnostics">Where diagnostics are added.</param>
    /// <param name="isSkippedKind">
    /// Given a document's <c>kind</c> and <c>apiVersion</c>, whether the caller skips that kind anyway: a limit
    /// exceeded inside such a document is then a note, not an error. Null: every document matters.
    /// </param>
    public YamlDocumentReader(string path, List<Diagnostic> diagnostics, Func<string, string, bool>? isSkippedKind = null)
    {
        _path = path;
        _diagnostics = diagnostics;
        _isSkippedKind = isSkippedKind;
    }

    public void Read(string text, Action<YamlDocument> onDocument, CancellationToken cancellationToken)
    {
        var chunkStart = 0;
        _lineOffset = 0;
        while (true)
        {
            ResetDocument();
            TextPosition stoppedAt;
            try
            {
                using var reader = new StringReader(chunkStart == 0 ? text : text[chunkStart..]);
                var parser = new Parser(new Scanner(reader, skipComments: true));
                while (!_abandoned && MoveNext(parser))
                    Handle(parser.Current!, onDocument, cancellationToken); // MoveNext returned true, so Current is set
                if (!_abandoned)
                    return;

                // Parsing the rest of an abandoned document could itself be the attack (YamlDotNet's scanner slows
                // down with nesting depth), so skip its text and resume at the next document.
                stoppedAt = _abandonedAt;
            }
            catch (YamlException ex)
            {
                // The parser looks ahead, so a complete document may not have seen its end event yet.
                if (!_abandoned && _stack.Count == 0 && _root is not null)
                    EmitDocument(onDocument);
                stoppedAt = new TextPosition(Line(ex.Start), Column(ex.Start));
                var message = ex.Message.TrimEnd('.');
                if (message.Length > 0)
                    message = char.ToLowerInvariant(message[0]) + message[1..];
                var end = new TextPosition(Line(ex.End), Column(ex.End));

                // At the end of a text without a final line break, YamlDotNet's mark is on a line that does not exist.
                var textEnd = EndOf(text);
                stoppedAt = stoppedAt > textEnd ? textEnd : stoppedAt;
                end = end > textEnd ? textEnd : end;

                // YamlDotNet places tab errors where the enclosing construct starts (often 1:1); point at the tab.
                var at = message.Contains("tab", StringComparison.Ordinal) && YamlTextScan.FindTab(text, chunkStart, _lineOffset + 1, stoppedAt, end) is { } tab ? tab : stoppedAt;
                Report(YamlDiagnostics.YamlSyntax, at, at == stoppedAt ? end : at with { Column = at.Column + 1 }, message);
            }

            if (!YamlTextScan.TryFindResumePoint(text, chunkStart, _lineOffset + 1, stoppedAt, out chunkStart, out var resumeLine))
                return;
            _lineOffset = resumeLine - 1;
        }
    }

    /// <summary>
    /// YamlDotNet 16.3 throws InvalidOperationException from its plain-scalar scanner on some malformed input (a
    /// flow collection left open across block lines); fuzzing found no other exception type besides YamlException.
    /// It is a syntax error like any other, placed at the last construct the parser began.
    /// </summary>
    private static bool MoveNext(Parser parser)
    {
        var last = parser.Current?.Start ?? new Mark(0, 1, 1);
        try
        {
            return parser.MoveNext();
        }
        catch (InvalidOperationException ex)
        {
            throw new YamlException(last, last, "the parser stopped on input it cannot read past", ex);
        }
    }

    private void Handle(ParsingEvent parsingEvent, Action<YamlDocument> onDocument, CancellationToken cancellationToken)
    {
        switch (parsingEvent)
        {
            case DocumentStart:
                cancellationToken.ThrowIfCancellationRequested();
                ResetDocument();
                break;
            case DocumentEnd:
                if (!_abandoned && _root is not null)
                    EmitDocument(onDocument);
                ResetDocument();
                break;
            case Scalar scalar:
                OnScalar(scalar);
                break;
            case AnchorAlias alias:
                OnAlias(alias);
                break;
            case MappingStart mapping:
                Open(mapping, isMapping: true, mapping.Style == MappingStyle.Flow, mapping.Anchor);
                break;
            case SequenceStart sequence:
                Open(sequence, isMapping: false, sequence.Style == SequenceStyle.Flow, sequence.Anchor);
                break;
            case MappingEnd or SequenceEnd:
                Close(parsingEvent);
                break;
        }
    }

    private void OnScalar(Scalar scalar)
    {
        if (scalar.Value.Length > MaxScalarLength)
        {
            if (SkippedKind() is { } skipped)
                AbandonSkipped(scalar, skipped, "a value longer than 1 MiB");
            else
                Abandon(YamlDiagnostics.YamlScalarTooLarge, scalar, scalar.Value.Length, "1 MiB");
            return;
        }

        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        var node = new YamlScalar(Position(scalar.Start), Position(scalar.End), scalar.Value, scalar.Style == ScalarStyle.Plain, tag);
        if (!scalar.Anchor.IsEmpty)
            _anchors[scalar.Anchor.Value] = node;
        Add(node);
    }

    private void OnAlias(AnchorAlias alias)
    {
        var start = Position(alias.Start);
        if (!_anchors.TryGetValue(alias.Value.Value, out var target))
        {
            Fault(YamlDiagnostics.YamlUnknownAlias, start, Position(alias.End), alias.Value.Value);
            Add(new YamlScalar(start, Position(alias.End), string.Empty, isPlain: true, tag: null));
            return;
        }

        _aliasExpansion = SaturatingAdd(_aliasExpansion, target.ExpandedSize);
        if (_aliasExpansion > MaxAliasExpansion)
        {
            Abandon(YamlDiagnostics.YamlAliasBomb, alias, alias.Value.Value, MaxAliasExpansion);
            return;
        }

        Add(target);
    }

    private void Open(ParsingEvent start, bool isMapping, bool isFlow, AnchorName anchor)
    {
        if (_stack.Count >= MaxDepth)
        {
            if (SkippedKind() is { } skipped)
                AbandonSkipped(start, skipped, $"nesting deeper than {MaxDepth} levels");
            else
                Abandon(YamlDiagnostics.YamlTooDeep, start, MaxDepth);
            return;
        }

        _stack.Add(new OpenCollection(isMapping, isFlow, Position(start.Start), anchor.IsEmpty ? null : anchor.Value));
    }

    private void Close(ParsingEvent end)
    {
        var open = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);

        // A flow collection's end event marks its closing bracket; the span ends after it (end columns are
        // exclusive, as for scalars and in SARIF). A block collection's end event is the next token, often on a
        // later line, so its last child ends it precisely.
        var endPosition = open.IsFlow || open.LastEnd is null
            ? new TextPosition(Line(end.Start), Column(end.Start) + 1)
            : open.LastEnd.Value;
        YamlNode node = open.IsMapping
            ? new YamlMapping(open.Start, endPosition, FinishEntries(open.Entries), open.Size)
            : new YamlSequence(open.Start, endPosition, [.. open.Items], open.Size);
        if (open.Anchor is not null)
            _anchors[open.Anchor] = node;
        Add(node);
    }

    private void Add(YamlNode node)
    {
        if (_stack.Count == 0)
        {
            _root = node;
            return;
        }

        var open = _stack[^1];
        open.Size = SaturatingAdd(open.Size, node.ExpandedSize);
        open.LastEnd = node.End;
        if (!open.IsMapping)
        {
            open.Items.Add(node);
        }
        else if (!open.HasKey)
        {
            open.HasKey = true;
            open.Key = node as YamlScalar;
            if (open.Key is null)
                Fault(YamlDiagnostics.YamlComplexKey, node.Start, node.End, node.Describe());
        }
        else
        {
            if (open.Key is not null)
                open.Entries.Add(new YamlEntry(open.Key, node));
            open.HasKey = false;
            open.Key = null;
        }
    }

    /// <summary>Reports repeated keys and applies merge keys (<c>&lt;&lt;: *base</c>): written keys win over merged ones.</summary>
    private ImmutableArray<YamlEntry> FinishEntries(List<YamlEntry> entries)
    {
        var hasMerge = false;
        // Most mappings are small: compare pairwise; index the large ones (a ConfigMap with thousands of keys).
        var firstByKey = entries.Count > SmallMapping ? new Dictionary<string, YamlScalar>(entries.Count, StringComparer.Ordinal) : null;
        for (var i = 0; i < entries.Count; i++)
        {
            var key = entries[i].Key;
            hasMerge |= key.IsMergeKey;
            var first = firstByKey is null ? FindEarlier(entries, i) : firstByKey.TryAdd(key.Value, key) ? null : firstByKey[key.Value];
            if (first is not null)
                Fault(YamlDiagnostics.YamlDuplicateKey, key.Start, key.End, key.Value, first.Start.Line);
        }

        if (!hasMerge)
            return [.. entries];

        var result = entries.Where(e => !e.Key.IsMergeKey).ToList();
        var present = result.Select(e => e.Key.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var merge in entries.Where(e => e.Key.IsMergeKey))
        {
            IEnumerable<YamlNode> sources = merge.Value is YamlSequence list ? list.Items : [merge.Value];
            foreach (var source in sources)
            {
                if (source is not YamlMapping mapping)
                {
                    Fault(YamlDiagnostics.YamlInvalidMerge, source.Start, source.End, source.Describe());
                    continue;
                }

                result.AddRange(mapping.Entries.Where(e => present.Add(e.Key.Value)));
            }
        }

        return [.. result];
    }

    private static YamlScalar? FindEarlier(List<YamlEntry> entries, int index)
    {
        for (var j = 0; j < index; j++)
        {
            if (string.Equals(entries[j].Key.Value, entries[index].Key.Value, StringComparison.Ordinal))
                return entries[j].Key;
        }

        return null;
    }

    private void EmitDocument(Action<YamlDocument> onDocument)
    {
        var root = _root!; // callers check it is set
        if (root is YamlScalar { IsNull: true, Tag: null })
            return; // an empty document, as "---" alone or a file of comments gives
        onDocument(new YamlDocument(root, [.. _faults]));
    }

    private void ResetDocument()
    {
        _stack.Clear();
        _anchors.Clear();
        _faults.Clear();
        _root = null;
        _abandoned = false;
        _aliasExpansion = 0;
    }

    private void Abandon(DiagnosticDescriptor descriptor, ParsingEvent at, params object?[] arguments)
    {
        Report(descriptor, Position(at.Start), Position(at.End), arguments);
        _abandoned = true;
        _abandonedAt = Position(at.Start);
        _stack.Clear();
        _anchors.Clear();
        _root = null;
    }

    /// <summary>
    /// A limit exceeded inside an object of a kind the loader skips anyway (a deep CRD, a large ConfigMap): a note,
    /// since nothing PolicyCheck models is lost. The document is still not parsed further.
    /// </summary>
    private void AbandonSkipped(ParsingEvent at, string kind, string limit)
    {
        Abandon(YamlDiagnostics.SkippedKindNotRead, at, kind, limit);
    }

    /// <summary>
    /// The kind of the object being read, when its root mapping has named one (apiVersion and kind usually come
    /// first) and it is a kind the loader skips; null otherwise, or when that is not known yet.
    /// </summary>
    private string? SkippedKind()
    {
        if (_stack.Count == 0 || !_stack[0].IsMapping)
            return null;
        string? kind = null, apiVersion = null;
        foreach (var (key, value) in _stack[0].Entries)
        {
            if (value is YamlScalar { Kind: ScalarKind.String } scalar)
            {
                if (key.Value == "kind")
                    kind = scalar.Value;
                else if (key.Value == "apiVersion")
                    apiVersion = scalar.Value;
            }
        }

        if (_isSkippedKind is null || kind is null || apiVersion is null || kind.EndsWith("List", StringComparison.Ordinal))
            return null;
        return _isSkippedKind(kind, apiVersion) ? kind : null;
    }

    private void Fault(DiagnosticDescriptor descriptor, TextPosition start, TextPosition end, params object?[] arguments)
    {
        Report(descriptor, start, end, arguments);
        _faults.Add(start);
    }

    private void Report(DiagnosticDescriptor descriptor, TextPosition start, TextPosition end, params object?[] arguments) =>
        _diagnostics.Add(Diagnostic.Create(descriptor, new SourceSpan(_path, start.Line, start.Column, end.Line, end.Column), arguments));

    private TextPosition Position(Mark mark) => new(Line(mark), Column(mark));

    private int Line(Mark mark) => (int)Math.Min(mark.Line + _lineOffset, int.MaxValue);

    private static int Column(Mark mark) => (int)Math.Min(mark.Column, int.MaxValue);

    /// <summary>The position just after the last character: a line break (CR LF, LF or CR) starts the next line.</summary>
    private static TextPosition EndOf(string text)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new TextPosition(line, text.Length - lineStart + 1);
    }

    private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}
