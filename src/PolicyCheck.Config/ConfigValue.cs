using System.Collections.Immutable;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Config;

/// <summary>A value that is one scalar or a list of scalars (<paramref name="IsList"/>): a rule parameter or a command option.</summary>
public sealed record ConfigValue(ImmutableArray<ConfigScalar> Items, bool IsList, SourceSpan Span);
