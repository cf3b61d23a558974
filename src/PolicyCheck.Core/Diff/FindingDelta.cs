using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;

namespace PolicyCheck.Core.Diff;

/// <summary>Lint findings only one side has: introduced (after only) and fixed (before only), each in its side's order.</summary>
public sealed record FindingDelta(ImmutableArray<Diagnostic> Introduced, ImmutableArray<Diagnostic> Fixed)
{
    public static FindingDelta Empty { get; } = new([], []);

    public bool IsEmpty => Introduced.IsEmpty && Fixed.IsEmpty;
}
