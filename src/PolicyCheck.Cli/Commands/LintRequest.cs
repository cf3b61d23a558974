using System.Collections.Immutable;
using PolicyCheck.Core.Engine;
using PolicyCheck.Reporting.Lint;

namespace PolicyCheck.Cli.Commands;

/// <summary>Everything <c>policycheck lint</c> was asked to do, already parsed and validated.</summary>
public sealed record LintRequest(
    ImmutableArray<string> Paths,
    LintFormat Format,
    LintFailOn FailOn,
    string? Namespace,
    string? OutputPath,
    IpBlockPodMatching IpBlockPods,
    bool Quiet,
    bool Verbose);
