using System.Collections.Immutable;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Services;

/// <summary>
/// One port of a service: its node port (text, or null), where it goes on each backend, and the verdict for every
/// client subject of the matrix (workloads and outside address ranges), in subject order.
/// </summary>
public sealed record ServicePortSummary(ServicePort Port, string? NodePort, ImmutableArray<BackendTarget> Targets, ImmutableArray<ServiceVerdict> Verdicts)
{
    /// <summary>The targetPort numbers in use, distinct, ascending (several when a named targetPort differs per backend).</summary>
    public ImmutableArray<int> TargetNumbers => [.. Targets.Where(t => t.Target.Number is not null).Select(t => t.Target.Number!.Value).Distinct().Order()];

    /// <summary>Label of the port for people: <see cref="ServicePort.Label"/> (<c>80/TCP</c>, <c>http 80/TCP</c>, <c>'8001-8000' 8001/TCP</c>).</summary>
    public string Label => Port.Label;
}
