using PolicyCheck.Core.Engine;
using PolicyCheck.Reporting.Explain;

namespace PolicyCheck.Cli.Commands;

/// <summary>
/// Everything <c>policycheck explain</c> was asked to do, already parsed and validated. Exactly one of
/// <see cref="To"/> and <see cref="ToService"/> is set.
/// </summary>
public sealed record ExplainRequest : CommandRequest
{
    public required SubjectQuery From { get; init; }

    public SubjectQuery? To { get; init; }

    public string? ToService { get; init; }

    public PortQuery? Port { get; init; }

    public ExplainFormat Format { get; init; }
}
