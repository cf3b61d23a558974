using System.Collections.Immutable;
using System.Text.Json.Nodes;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;
using PolicyCheck.Yaml;

namespace PolicyCheck.Kube.Config;

/// <summary>
/// Reads a kubeconfig file's YAML into a <see cref="KubeconfigDocument"/>, with the same bounded YAML reader the
/// manifest loader uses. Scalars become JSON values the way kubectl's YAML to JSON step resolves them (YAML 1.1:
/// <c>true</c>/<c>yes</c> booleans, numbers), so <c>insecure-skip-tls-verify: true</c> is a boolean.
/// </summary>
public static class KubeconfigReader
{
    public static KubeconfigReadResult Read(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var diagnostics = new List<Diagnostic>();
        var documents = new List<YamlDocument>();
        new YamlDocumentReader(path, diagnostics).Read(text, documents.Add, CancellationToken.None);
        var errors = diagnostics.Where(d => d.Severity == Severity.Error).Select(d => $"{d.Span}: {ForKubeconfig(d.Message)}").ToImmutableArray();
        if (!errors.IsEmpty)
            return new KubeconfigReadResult(null, errors);
        if (documents.Count == 0)
            return new KubeconfigReadResult(new KubeconfigDocument(path, [], new(ReferenceEqualityComparer.Instance)), []);
        if (documents.Count > 1)
        {
            var second = documents[1].Root.Start;
            return new KubeconfigReadResult(null, [$"{path}:{second.Line}:{second.Column}: a kubeconfig holds one YAML document; this file has more."]);
        }

        var spans = new Dictionary<JsonNode, SourceSpan>(ReferenceEqualityComparer.Instance);
        var root = Convert(documents[0].Root, path, spans);
        if (root is not JsonObject mapping)
        {
            var start = documents[0].Root.Start;
            return new KubeconfigReadResult(null, [$"{path}:{start.Line}:{start.Column}: a kubeconfig must be a mapping, not {documents[0].Root.DescribeShape()}."]);
        }

        return new KubeconfigReadResult(new KubeconfigDocument(path, mapping, spans), []);
    }

    /// <summary>The loader's YAML messages end by saying which document or object is left out; a kubeconfig is all or nothing.</summary>
    private static string ForKubeconfig(string message)
    {
        var cut = message.LastIndexOf("; ", StringComparison.Ordinal);
        var core = cut > 0 && message.AsSpan(cut).Contains("left out", StringComparison.Ordinal) ? message[..cut] : message.TrimEnd('.');
        return core + "; the kubeconfig cannot be used.";
    }

    private static JsonNode? Convert(YamlNode node, string path, Dictionary<JsonNode, SourceSpan> spans)
    {
        JsonNode? result;
        switch (node)
        {
            case YamlMapping mapping:
                var obj = new JsonObject();
                foreach (var entry in mapping.Entries)
                    obj[entry.Key.Value] = Convert(entry.Value, path, spans);
                result = obj;
                break;
            case YamlSequence sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Items)
                    array.Add(Convert(item, path, spans));
                result = array;
                break;
            case YamlScalar scalar:
                result = scalar.Kind switch
                {
                    ScalarKind.Null => null,
                    ScalarKind.Bool when scalar.TryGetBoolean(out var flag) => JsonValue.Create(flag),
                    ScalarKind.Int when scalar.TryGetInteger(out var number) => JsonValue.Create(number),
                    _ => JsonValue.Create(scalar.Value),
                };
                break;
            default:
                result = null;
                break;
        }

        // An alias repeats the anchored node: give each use its own JSON node (a JsonNode has one parent).
        if (result is not null)
            spans[result] = new SourceSpan(path, node.Start.Line, node.Start.Column, node.End.Line, node.End.Column);
        return result;
    }
}
