using System.Text.Json.Nodes;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Kube.Config;

/// <summary>
/// One kubeconfig file as a JSON tree (the shape kubectl decodes it into), with the source position of every node
/// so that a bad value can be reported as <c>file:line:col</c>. It is built from PolicyCheck.Yaml nodes; no YamlDotNet type reaches it.
/// </summary>
public sealed class KubeconfigDocument
{
    private readonly Dictionary<JsonNode, SourceSpan> _spans;

    internal KubeconfigDocument(string path, JsonObject root, Dictionary<JsonNode, SourceSpan> spans)
    {
        Path = path;
        Root = root;
        _spans = spans;
    }

    public string Path { get; }

    public JsonObject Root { get; }

    /// <summary>Where <paramref name="node"/> was written, or the file itself (line 1) when the node is not from it.</summary>
    public SourceSpan SpanOf(JsonNode? node) =>
        node is not null && _spans.TryGetValue(node, out var span) ? span : new SourceSpan(Path, 1, 1, 1, 1);
}
