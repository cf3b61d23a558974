using System.Collections.Immutable;

namespace PolicyCheck.Core.Explain;

/// <summary>
/// The answer and why, in one line of evidence: flow-level reasons (self traffic, external to external) or the
/// isolation status of the egress and ingress sides. The per-rule detail is in <see cref="FlowExplanation"/>.
/// </summary>
public sealed record Verdict(bool Allowed, ImmutableArray<Reason> Reasons);
