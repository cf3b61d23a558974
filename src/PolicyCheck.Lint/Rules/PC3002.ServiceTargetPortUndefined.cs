using System.Collections.Immutable;
using System.Globalization;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// A Service port whose targetPort the backends do not define. A named targetPort must resolve by name and protocol
/// on each backend, or that backend is no endpoint of the port (a warning). A numeric targetPort (or, when absent, the
/// port) that no backend declares as a containerPort while every backend declares others still works, since
/// declaring container ports is informational, but usually means a wrong number (a note). Backends are the
/// workloads the selector picks (<see cref="ServiceEndpoints"/>); services without backends are PC3001's.
/// </summary>
public sealed class ServiceTargetPortUndefined : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.ServiceTargetPortUndefined,
        Name: nameof(ServiceTargetPortUndefined),
        Title: "Service targetPort not defined by its backends",
        MessageFormat: "Service '{0}' port {1} sends to targetPort '{2}' over {3}, but {4}; those pods are not " +
                       "endpoints of the port, so name a container port they define or fix its protocol.",
        Category: RuleCategory.Services,
        DefaultSeverity: Severity.Warning);

    /// <summary>The numeric case: the traffic still arrives, so it is reported one level lower.</summary>
    private DiagnosticDescriptor Undeclared => Descriptor with
    {
        DefaultSeverity = Severity.Note,
        MessageFormat = "Service '{0}' port {1} sends to targetPort {2} over {3}, which none of its backends declares " +
                        "as a containerPort (they declare {4}); check the number, or declare the port.",
    };

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var undeclared = Undeclared;
        foreach (var service in context.Cluster.Services)
        {
            var endpoints = context.Endpoints(service);
            if (endpoints.Backends.IsEmpty)
                continue;
            ImmutableArray<SourceSpan> related = [.. endpoints.Backends.Select(b => b.Span)];
            foreach (var port in service.Ports)
            {
                var at = port.TargetPortSpan ?? port.Span;
                var protocol = port.Protocol.ToApiString();
                var number = port.Port.ToString(CultureInfo.InvariantCulture);
                if (port.EffectiveTargetPort.IsNamed)
                {
                    var missing = endpoints.Backends.Where(b => !ServiceEndpoints.ResolveTargetPort(port, b).IsResolved).ToList();
                    if (missing.Count == 0)
                        continue;
                    var problem = missing.Count == endpoints.Backends.Length
                        ? $"no backend defines it ({ServiceEndpoints.ResolveTargetPort(port, missing[0]).Problem})"
                        : $"{string.Join(", ", missing.Select(b => $"'{b.Id}'"))} of its {endpoints.Backends.Length.ToString(CultureInfo.InvariantCulture)} backends do not define it";
                    context.Report(Descriptor, at, related, service.Name, number, port.EffectiveTargetPort, protocol, problem);
                }
                else if (port.EffectiveTargetPort.Number is { } target
                         && endpoints.Backends.All(b => !b.Ports.IsDefaultOrEmpty)
                         && !endpoints.Backends.Any(b => b.Ports.Any(p => p.Number == target && p.Protocol == port.Protocol)))
                {
                    var declared = endpoints.Backends.SelectMany(b => b.Ports)
                        .Select(p => $"{p.Number.ToString(CultureInfo.InvariantCulture)}/{p.Protocol.ToApiString()}")
                        .Distinct().Order(StringComparer.Ordinal);
                    context.Report(undeclared, at, related, service.Name, number, target.ToString(CultureInfo.InvariantCulture), protocol,
                        string.Join(", ", declared));
                }
            }
        }
    }
}
