using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Explain;

/// <summary>One <c>ports</c> entry of a rule and the ports it means at this destination (named ports resolved there).</summary>
public sealed record PortEvidence(PolicyPort Port, PortSet Allows, Reason Reason)
{
    /// <summary>With --port: whether this entry covers the asked port; <c>null</c> without --port.</summary>
    public bool? MatchesQuery { get; init; }
}
