using PolicyCheck.Core.Model;

namespace PolicyCheck.Manifests.Operators;

/// <summary>A problem in an operator entry, at its file:line:col; the entry is left out of the catalogue.</summary>
public sealed record OperatorCatalogError(SourceSpan Span, string Message);
