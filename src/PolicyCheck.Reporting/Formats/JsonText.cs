using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Reporting.Formats;

/// <summary>The JSON pieces every writer shares, so the port-set shape and the streaming stay one definition.</summary>
internal static class JsonText
{
    /// <summary>How much output the streaming writers let accumulate before passing it on.</summary>
    internal const int ChunkBytes = 32 * 1024;

    /// <summary>Indented JSON with the output's line ending, readable rather than HTML-safe.</summary>
    internal static JsonWriterOptions Options(TextWriter output) => new()
    {
        Indented = true,
        // Not for HTML embedding: keep '+', '<', '&' and non-ASCII readable instead of \uXXXX.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = output.NewLine == "\r\n" ? "\r\n" : "\n",
    };

    /// <summary>
    /// Writes one JSON document with <paramref name="body"/> in <see cref="Options"/> to <paramref name="output"/>,
    /// then a line break.
    /// </summary>
    internal static void WriteDocument(TextWriter output, Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options(output)))
            body(json);
        output.Write(Encoding.UTF8.GetString(stream.ToArray()));
        output.WriteLine();
    }

    /// <summary>A property holding an array of strings.</summary>
    internal static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }

    /// <summary><c>"all"</c>, or per protocol with ports its inclusive <c>[first, last]</c> ranges; <c>[]</c> for nothing.</summary>
    internal static void WritePortSet(Utf8JsonWriter json, PortSet set)
    {
        if (set.IsAll)
        {
            json.WriteStringValue("all");
            return;
        }

        json.WriteStartArray();
        foreach (var protocol in ProtocolNames.All)
        {
            var ranges = set.Ranges(protocol);
            if (ranges.IsEmpty)
                continue;
            json.WriteStartObject();
            json.WriteString("protocol", protocol.ToApiString());
            json.WritePropertyName("ports");
            WriteRanges(json, ranges);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>
    /// <c>[[80, 80], [8080, 8090]]</c> with one pair per line. The indented writer would put every number on a line of
    /// its own, and raw values get no indentation from it, so this array brings its own, one level below the property.
    /// </summary>
    internal static void WriteRanges(Utf8JsonWriter json, ImmutableArray<PortRange> ranges)
    {
        var (newLine, indentSize) = (json.Options.NewLine, json.Options.IndentSize);
        var text = new StringBuilder("[");
        for (var i = 0; i < ranges.Length; i++)
        {
            text.Append(i == 0 ? "" : ",").Append(newLine).Append(' ', (json.CurrentDepth + 1) * indentSize);
            text.Append(CultureInfo.InvariantCulture, $"[{ranges[i].First}, {ranges[i].Last}]");
        }

        text.Append(newLine).Append(' ', json.CurrentDepth * indentSize).Append(']');
        json.WriteRawValue(text.ToString(), skipInputValidation: true);
    }

    /// <summary>Moves what the JSON writer produced to <paramref name="output"/> once more than <paramref name="threshold"/> bytes wait.</summary>
    internal static void Drain(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer, TextWriter output, int threshold)
    {
        if (json.BytesPending + buffer.WrittenCount <= threshold)
            return;
        json.Flush();
        // Flushed between values, so the bytes end on a whole UTF-8 sequence.
        output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        buffer.ResetWrittenCount();
    }
}
