using System.Collections.Immutable;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Selectors;
using PolicyCheck.Reporting.Matrix;

namespace PolicyCheck.Cli.Commands;

/// <summary>Everything <c>policycheck matrix</c> was asked to do, already parsed and validated.</summary>
public sealed record MatrixRequest(
    ImmutableArray<string> Paths,
    MatrixFormat Format,
    PortQuery? Port,
    string? Namespace,
    LabelSelector? Selector,
    string? OutputPath,
    IpBlockPodMatching IpBlockPods,
    bool Quiet,
    bool Verbose);
