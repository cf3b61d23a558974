using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// A port name used twice: by two ports of one Service (the API server rejects the Service), or by two container
/// ports of one pod template (a named port in a policy or a Service targetPort then resolves ambiguously). Each
/// repeat is reported at its own port, with the first definition as the related location.
/// </summary>
public sealed class DuplicatePortName : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.DuplicatePortName,
        Name: nameof(DuplicatePortName),
        Title: "Port name defined twice",
        MessageFormat: "{0} '{1}' defines the port name '{2}' twice ({3}), so {4}; give each port of the {5} a unique name.",
        Category: RuleCategory.Correctness,
        DefaultSeverity: Severity.Warning);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var service in context.Cluster.Services)
        {
            var first = new Dictionary<string, ServicePort>(StringComparer.Ordinal);
            foreach (var port in service.Ports)
            {
                if (port.Name is not { } name)
                    continue;
                if (!first.TryAdd(name, port))
                {
                    var earlier = first[name];
                    context.Report(Descriptor, port.Span, [earlier.Span], "Service", $"{service.Namespace}/{service.Name}", name,
                        $"ports {earlier.Port}/{earlier.Protocol.ToApiString()} and {port.Port}/{port.Protocol.ToApiString()}",
                        "the API server rejects the Service", "Service");
                }
            }
        }

        // The parts of a controller split by selectors share its pod template: report the template once.
        foreach (var workload in context.Cluster.Workloads.DistinctBy(w => (w.Controller ?? w.Ref, w.Ports.FirstOrDefault().Span)))
        {
            var first = new Dictionary<string, ContainerPort>(StringComparer.Ordinal);
            foreach (var port in workload.Ports)
            {
                if (port.Name is not { } name)
                    continue;
                if (!first.TryAdd(name, port))
                {
                    var earlier = first[name];
                    context.Report(Descriptor, port.Span, [earlier.Span], workload.Kind, $"{workload.Namespace}/{workload.Controller?.Name ?? workload.Name}", name,
                        $"container ports {earlier.Number}/{earlier.Protocol.ToApiString()} and {port.Number}/{port.Protocol.ToApiString()}",
                        "a named port in a NetworkPolicy or a Service targetPort that uses it is ambiguous", "pod template");
                }
            }
        }
    }
}
