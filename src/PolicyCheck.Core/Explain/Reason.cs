using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Explain;

/// <summary>
/// One piece of evidence: what was checked, with the place in the manifests it comes from (<see cref="SourceSpan.None"/>
/// for implied behaviour). The meaning of <paramref name="Key"/>, <paramref name="Expected"/> and
/// <paramref name="Actual"/> depends on <paramref name="Kind"/>.
/// </summary>
public sealed record Reason(ReasonKind Kind, SourceSpan Span, string? Key = null, string? Expected = null, string? Actual = null);
