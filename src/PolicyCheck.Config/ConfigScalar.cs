using PolicyCheck.Core.Model;

namespace PolicyCheck.Config;

/// <summary>A scalar of a configuration or profile file, as text, with where it is written.</summary>
public sealed record ConfigScalar(string Text, SourceSpan Span);
