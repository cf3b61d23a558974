using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Selectors;
using PolicyCheck.Reporting.List;

namespace PolicyCheck.Cli.Commands;

/// <summary>Everything <c>policycheck list</c> was asked to do, already parsed and validated.</summary>
public sealed record ListRequest : CommandRequest
{
    public ListFormat Format { get; init; }

    public SubjectQuery? Focus { get; init; }

    /// <summary>Only with <see cref="Focus"/>: connections into (ingress) or out of (egress) it.</summary>
    public Direction? Direction { get; init; }

    public PortQuery? Port { get; init; }

    public LabelSelector? Selector { get; init; }

    public bool IncludeSelf { get; init; }

    /// <summary>Whether to write the exposure summary after the list.</summary>
    public bool Summary { get; init; }

    /// <summary>Whether to write the exposure summary alone.</summary>
    public bool SummaryOnly { get; init; }
}
