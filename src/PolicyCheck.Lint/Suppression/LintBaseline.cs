using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PolicyCheck.Core.Diagnostics;

namespace PolicyCheck.Lint.Suppression;

/// <summary>
/// A baseline file (<c>policycheck/baseline/v1</c>): the findings a team accepted when adopting the tool, so that
/// only new findings fail. Each entry suppresses one finding with the same fingerprint; a finding that occurs more
/// often than the baseline lists it is new.
/// </summary>
public sealed class LintBaseline
{
    public const string Schema = "policycheck/baseline/v1";

    private LintBaseline(ImmutableArray<BaselineEntry> entries)
    {
        Entries = entries;
    }

    public ImmutableArray<BaselineEntry> Entries { get; }

    /// <summary>The entry for a finding at <paramref name="path"/> (repository-relative, '/'-separated) in <paramref name="objectRef"/>.</summary>
    public static BaselineEntry Entry(Diagnostic diagnostic, string path, string? objectRef)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var text = $"{diagnostic.Id}\n{path}\n{objectRef}\n{diagnostic.Message}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
        return new BaselineEntry(diagnostic.Id, path, objectRef, diagnostic.Message, hash);
    }

    /// <summary>Writes <paramref name="entries"/> sorted (path, rule, fingerprint), indented, so the file diffs well in review.</summary>
    public static void Write(IEnumerable<BaselineEntry> entries, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(output);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            json.WriteStartArray("findings");
            foreach (var entry in entries.OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.RuleId, StringComparer.Ordinal)
                         .ThenBy(e => e.Fingerprint, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("ruleId", entry.RuleId);
                json.WriteString("path", entry.Path);
                if (entry.Object is null)
                    json.WriteNull("object");
                else
                    json.WriteString("object", entry.Object);
                json.WriteString("message", entry.Message);
                json.WriteString("fingerprint", entry.Fingerprint);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Write(Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n"));
        output.Write('\n');
    }

    /// <summary>Reads a baseline file; a malformed one gives null and an error naming <paramref name="path"/> and, for JSON syntax, line and column.</summary>
    public static LintBaseline? Read(string text, string path, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object ||
                !root.TryGetProperty("schema", out var schema) || schema.ValueKind != JsonValueKind.String || schema.GetString() != Schema)
            {
                error = $"{path}: error: not a baseline file: expected an object with \"schema\": \"{Schema}\"; write one with 'policycheck lint --write-baseline'.";
                return null;
            }

            if (!root.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
            {
                error = $"{path}: error: a baseline file needs a \"findings\" array.";
                return null;
            }

            var entries = ImmutableArray.CreateBuilder<BaselineEntry>();
            var index = 0;
            foreach (var item in findings.EnumerateArray())
            {
                index++;
                if (item.ValueKind != JsonValueKind.Object || Text(item, "ruleId") is not { } ruleId || Text(item, "fingerprint") is not { } fingerprint)
                {
                    error = $"{path}: error: finding {index} of the baseline needs string \"ruleId\" and \"fingerprint\" properties.";
                    return null;
                }

                entries.Add(new BaselineEntry(ruleId, Text(item, "path") ?? string.Empty, Text(item, "object"), Text(item, "message") ?? string.Empty, fingerprint));
            }

            error = null;
            return new LintBaseline(entries.ToImmutable());
        }
        catch (JsonException ex)
        {
            // The parser's message quotes the character or token it stopped at, which may be a piece of whatever
            // file was passed as --baseline (a credentials file, say): say where and what was expected, nothing more.
            var where = ex.LineNumber is { } line ? $"{path}:{line + 1}:{Column(text, line, ex.BytePositionInLine ?? 0)}" : path;
            error = $"{where}: error: the baseline is not valid JSON; expected the JSON object 'policycheck lint --write-baseline' writes.";
            return null;
        }
    }

    /// <summary>The 1-based character column of a 0-based line and UTF-8 byte offset in it, as the JSON reader counts them.</summary>
    private static long Column(string text, long line, long bytePosition)
    {
        var start = 0;
        for (var i = 0L; i < line; i++)
        {
            var next = text.IndexOf('\n', start);
            if (next < 0)
                return bytePosition + 1;
            start = next + 1;
        }

        var end = text.IndexOf('\n', start);
        var bytes = Encoding.UTF8.GetBytes(text[start..(end < 0 ? text.Length : end)]);
        return Encoding.UTF8.GetCharCount(bytes, 0, (int)Math.Min(bytePosition, bytes.Length)) + 1;
    }

    /// <summary>
    /// <paramref name="findings"/> (each with its entry) with those this baseline lists marked as externally
    /// suppressed, each entry used at most once.
    /// </summary>
    public ImmutableArray<Diagnostic> Apply(IEnumerable<(Diagnostic Finding, BaselineEntry Entry)> findings, string baselinePath)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var remaining = Entries.GroupBy(e => e.Fingerprint, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var (finding, entry) in findings)
        {
            if (finding.IsSuppressed || remaining.GetValueOrDefault(entry.Fingerprint) == 0)
            {
                result.Add(finding);
                continue;
            }

            remaining[entry.Fingerprint]--;
            result.Add(finding with { Suppression = new DiagnosticSuppression(SuppressionKind.External, $"Accepted in the baseline '{baselinePath}'.") });
        }

        return result.ToImmutable();
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
