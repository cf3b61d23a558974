using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyCheck.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PolicyCheck.Manifests;

/// <summary>
/// Writes objects read from a cluster as one YAML <c>kind: List</c> (<c>apiVersion: v1</c>, the objects under
/// <c>items</c> with their own <c>apiVersion</c> and <c>kind</c>, <c>metadata.managedFields</c> removed), the shape
/// <c>kubectl get … -o yaml</c> prints, so every offline command loads it again and an audit can be reproduced
/// without access to the cluster.
/// </summary>
/// <remarks>
/// A string is written plain only when a YAML 1.1 reader (kubectl's, and ours) reads it back as a string; anything
/// that would turn into a number, boolean or null (<c>"80"</c>, <c>"yes"</c>, <c>""</c>) is quoted. JSON numbers keep
/// their text; field order is the API server's.
/// </remarks>
public static class SnapshotWriter
{
    public static void Write(IEnumerable<JsonObject> items, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(writer);
        var emitter = new Emitter(writer, bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        emitter.Emit(new MappingStart());
        Plain(emitter, "apiVersion");
        Plain(emitter, "v1");
        Plain(emitter, "kind");
        Plain(emitter, "List");
        Plain(emitter, "items");
        emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Block));
        foreach (var item in items)
            WriteNode(emitter, LiveObjects.WithoutManagedFields(item));
        emitter.Emit(new SequenceEnd());
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
    }

    private static void WriteNode(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case null:
                Plain(emitter, "null");
                break;
            case JsonObject mapping:
                emitter.Emit(new MappingStart());
                foreach (var (key, value) in mapping)
                {
                    WriteString(emitter, key);
                    WriteNode(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray list:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Block));
                foreach (var value in list)
                    WriteNode(emitter, value);
                emitter.Emit(new SequenceEnd());
                break;
            default:
                WriteValue(emitter, node.AsValue());
                break;
        }
    }

    private static void WriteValue(IEmitter emitter, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(emitter, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                Plain(emitter, "true");
                break;
            case JsonValueKind.False:
                Plain(emitter, "false");
                break;
            case JsonValueKind.Number:
                Plain(emitter, value.ToJsonString());
                break;
            default:
                Plain(emitter, "null");
                break;
        }
    }

    private static void WriteString(IEmitter emitter, string text)
    {
        var readsAsString = new YamlScalar(default, default, text, isPlain: true, tag: null).Kind == ScalarKind.String;
        // The emitter itself falls back to quotes when plain style cannot hold the text (": ", a leading '*' …).
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text,
            readsAsString ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted, isPlainImplicit: true, isQuotedImplicit: true));
    }

    private static void Plain(IEmitter emitter, string text) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: true));

    /// <summary>The snapshot as one string (tests, small reads).</summary>
    public static string ToText(IEnumerable<JsonObject> items)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(items, writer);
        return writer.ToString();
    }
}
