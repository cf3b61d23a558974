using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Selectors;
using PolicyCheck.Reporting.Matrix;

namespace PolicyCheck.Cli.Commands;

/// <summary>Everything <c>policycheck matrix</c> was asked to do, already parsed and validated.</summary>
public sealed record MatrixRequest : CommandRequest
{
    public MatrixFormat Format { get; init; }

    public PortQuery? Port { get; init; }

    public LabelSelector? Selector { get; init; }

    /// <summary><c>--group-equivalent</c>: show equivalence groups instead of subjects (table, json, md).</summary>
    public bool GroupEquivalent { get; init; }

    /// <summary><c>--no-group</c>: never group or summarise a terminal table on its own.</summary>
    public bool NoGroup { get; init; }

    /// <summary><c>--services</c>: columns are service ports instead of workloads.</summary>
    public bool Services { get; init; }
}
