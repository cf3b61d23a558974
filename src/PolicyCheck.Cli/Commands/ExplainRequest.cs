using System.Collections.Immutable;
using PolicyCheck.Core.Engine;
using PolicyCheck.Reporting.Explain;

namespace PolicyCheck.Cli.Commands;

/// <summary>
/// Everything <c>policycheck explain</c> was asked to do, already parsed and validated. Exactly one of
/// <paramref name="To"/> and <paramref name="ToService"/> is set.
/// </summary>
public sealed record ExplainRequest(
    ImmutableArray<string> Paths,
    SubjectQuery From,
    SubjectQuery? To,
    PortQuery? Port,
    ExplainFormat Format,
    string? Namespace,
    string? OutputPath,
    IpBlockPodMatching IpBlockPods,
    bool Quiet,
    bool Verbose,
    string? ToService = null);
