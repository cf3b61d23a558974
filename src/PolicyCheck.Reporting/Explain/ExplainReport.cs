using System.Collections.Immutable;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Explain;
using PolicyCheck.Core.Services;

namespace PolicyCheck.Reporting.Explain;

/// <summary>
/// What to write: the two ends as the user named them, the subjects each matched, and one explanation per
/// ordered pair of them (from-major order).
/// </summary>
/// <param name="Color">Whether text may use ANSI colours (the caller decides: a terminal, <c>NO_COLOR</c> unset).</param>
/// <param name="Services">With <c>--to-service</c>: per service port, what the client reaches on each backend; the
/// flows then explain the client to each backend on its resolved targetPort.</param>
/// <param name="Hints">How the host names the ends and settings the text refers to; <c>null</c> means <see cref="ExplainHints.Plain"/>.</param>
public sealed record ExplainReport(
    string FromQuery,
    ImmutableArray<Subject> FromSubjects,
    string ToQuery,
    ImmutableArray<Subject> ToSubjects,
    PortQuery? Port,
    ImmutableArray<FlowExplanation> Flows,
    bool Color = false,
    ImmutableArray<ServiceVerdict> Services = default,
    ExplainHints? Hints = null)
{
    /// <summary>
    /// What PolicyCheck assumed because the inputs lack it (the cluster DNS that <c>--to-service kube-dns.kube-system</c>
    /// names), as a sentence the writers show first; <c>null</c> when nothing was assumed.
    /// </summary>
    public string? Assumed { get; init; }

    /// <summary>The network plugin model the results assume, recorded in JSON (and SARIF); the generic one by default.</summary>
    public EvaluationOptions Plugin { get; init; } = EvaluationOptions.Default;

    /// <summary><see cref="Hints"/>, or the plain words.</summary>
    public ExplainHints Wording => Hints ?? ExplainHints.Plain;
}
