using System.Globalization;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// A written nodePort that an earlier port already claims. Node ports are allocated cluster-wide by number: two
/// Services never share one, whatever the protocols; within one Service the same number may serve TCP and UDP but
/// not the same protocol twice. Only services with node ports are judged (a nodePort on a ClusterIP service is
/// PC3003's). The later port in input order (path, line) is reported, the earlier one is the related location.
/// </summary>
public sealed class NodePortDuplicated : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.NodePortDuplicated,
        Name: nameof(NodePortDuplicated),
        Title: "nodePort used twice",
        MessageFormat: "Service '{0}' port {1} asks for nodePort {2}, which {3} already uses; node ports are shared by " +
                       "the whole cluster, so the API server refuses it ('provided port is already allocated'); pick " +
                       "another port or omit nodePort to have one allocated.",
        Category: RuleCategory.Services,
        DefaultSeverity: Severity.Warning);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var claimed = new Dictionary<int, List<(Service Service, ServicePort Port)>>();
        var inInputOrder = context.Cluster.Services
            .OrderBy(s => s.Span.Path, StringComparer.Ordinal).ThenBy(s => s.Span.Line).ThenBy(s => s.Span.Column);
        foreach (var service in inInputOrder)
        {
            if (service.Type is not (ServiceType.NodePort or ServiceType.LoadBalancer))
                continue;
            foreach (var port in service.Ports)
            {
                if (port.NodePort is not { } nodePort)
                    continue;
                if (!claimed.TryGetValue(nodePort, out var earlier))
                    claimed[nodePort] = earlier = [];
                var clash = earlier.FirstOrDefault(e => !ReferenceEquals(e.Service, service) || e.Port.Protocol == port.Protocol);
                if (clash.Port is not null)
                {
                    var owner = ReferenceEquals(clash.Service, service)
                        ? $"its port {clash.Port.Port.ToString(CultureInfo.InvariantCulture)} over {port.Protocol.ToApiString()}"
                        : $"Service '{clash.Service.Namespace}/{clash.Service.Name}' (port {clash.Port.Port.ToString(CultureInfo.InvariantCulture)})";
                    context.Report(Descriptor, port.NodePortSpan ?? port.Span, [clash.Port.NodePortSpan ?? clash.Port.Span],
                        service.Name, port.Port.ToString(CultureInfo.InvariantCulture), nodePort.ToString(CultureInfo.InvariantCulture), owner);
                    continue;
                }

                earlier.Add((service, port));
            }
        }
    }
}
