using System.Collections.Immutable;

namespace PolicyCheck.Core.Model;

/// <summary>
/// A namespace with its labels as the API server stores them (including <c>kubernetes.io/metadata.name</c>).
/// <paramref name="Declared"/> is false for a namespace that objects live in but no manifest declares.
/// </summary>
public sealed record Namespace(string Name, ImmutableSortedDictionary<string, string> Labels, bool Declared, SourceSpan Span)
{
    /// <summary>The label the API server sets on every namespace (stable since Kubernetes 1.22).</summary>
    public const string NameLabel = "kubernetes.io/metadata.name";
}
