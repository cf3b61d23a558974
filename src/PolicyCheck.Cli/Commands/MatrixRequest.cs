using System.Collections.Immutable;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Selectors;
using PolicyCheck.Reporting.Matrix;

namespace PolicyCheck.Cli.Commands;

/// <summary>Everything <c>policycheck matrix</c> was asked to do, already parsed and validated.</summary>
/// <param name="GroupEquivalent"><c>--group-equivalent</c>: show equivalence groups instead of subjects (table, json, md).</param>
/// <param name="NoGroup"><c>--no-group</c>: never group or summarise a terminal table on its own.</param>
public sealed record MatrixRequest(
    ImmutableArray<string> Paths,
    MatrixFormat Format,
    PortQuery? Port,
    string? Namespace,
    LabelSelector? Selector,
    string? OutputPath,
    IpBlockPodMatching IpBlockPods,
    bool Quiet,
    bool Verbose,
    bool GroupEquivalent = false,
    bool NoGroup = false,
    bool Services = false);
