using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Manifests;

/// <summary>
/// Where one object that had a name was read: its whole span and the span of <c>metadata.name</c>, and its
/// <c>policycheck.io/ignore</c> annotation if it has one. Kept for every named object, loaded or rejected.
/// </summary>
public sealed record ObjectLocation(
    string Kind,
    string Namespace,
    string Name,
    SourceSpan Span,
    SourceSpan NameSpan,
    ObjectSuppression? Suppression)
{
    /// <summary><c>Kind ns/name</c>, or <c>Kind name</c> for cluster-scoped kinds.</summary>
    public string Ref => Namespace.Length == 0 ? $"{Kind} {Name}" : $"{Kind} {Namespace}/{Name}";

    /// <summary>Whether <paramref name="span"/> lies within the object (same file, lines inside its span).</summary>
    public bool Covers(SourceSpan span) =>
        string.Equals(span.Path, Span.Path, StringComparison.Ordinal) && span.Line >= Span.Line && span.Line <= Span.EndLine;
}
