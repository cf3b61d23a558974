using System.Collections.Immutable;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Selectors;
using PolicyCheck.Reporting.List;

namespace PolicyCheck.Cli.Commands;

/// <summary>Everything <c>policycheck list</c> was asked to do, already parsed and validated.</summary>
/// <param name="Direction">Only with <paramref name="Focus"/>: connections into (ingress) or out of (egress) it.</param>
/// <param name="Summary">Whether to write the exposure summary after the list.</param>
/// <param name="SummaryOnly">Whether to write the exposure summary alone.</param>
public sealed record ListRequest(
    ImmutableArray<string> Paths,
    ListFormat Format,
    SubjectQuery? Focus,
    Direction? Direction,
    PortQuery? Port,
    string? Namespace,
    LabelSelector? Selector,
    bool IncludeSelf,
    bool Summary,
    bool SummaryOnly,
    string? OutputPath,
    IpBlockPodMatching IpBlockPods,
    bool Quiet,
    bool Verbose);
