using System.Globalization;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// A written nodePort the API server refuses: outside the default <c>--service-node-port-range</c> 30000–32767 on a
/// NodePort or LoadBalancer service (a warning: a cluster may widen the range), or on a ClusterIP service, where
/// validation forbids it outright (an error).
/// </summary>
public sealed class NodePortOutOfRange : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.NodePortOutOfRange,
        Name: nameof(NodePortOutOfRange),
        Title: "nodePort outside the node port range or on a ClusterIP service",
        MessageFormat: "Service '{0}' port {1} asks for nodePort {2}, outside the default service-node-port-range " +
                       "{3}-{4}, so the API server refuses it unless the cluster's range was changed; pick a port in " +
                       "the range or omit nodePort to have one allocated.",
        Category: RuleCategory.Services,
        DefaultSeverity: Severity.Warning);

    /// <summary>Validation forbids a nodePort on a ClusterIP service whatever the cluster's settings: an error.</summary>
    private DiagnosticDescriptor OnClusterIp => Descriptor with
    {
        DefaultSeverity = Severity.Error,
        MessageFormat = "Service '{0}' is of type ClusterIP but port {1} sets nodePort {2}, which the API server " +
                        "refuses ('may not be used when type is ClusterIP'); remove nodePort or set type: NodePort.",
    };

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var onClusterIp = OnClusterIp;
        foreach (var service in context.Cluster.Services)
        {
            foreach (var port in service.Ports)
            {
                if (port.NodePort is not { } nodePort)
                    continue;
                var at = port.NodePortSpan ?? port.Span;
                var number = port.Port.ToString(CultureInfo.InvariantCulture);
                var node = nodePort.ToString(CultureInfo.InvariantCulture);
                switch (service.Type)
                {
                    case ServiceType.ClusterIP:
                        context.Report(onClusterIp, at, service.TypeSpan is { } type ? [type] : [], service.Name, number, node);
                        break;
                    case ServiceType.NodePort or ServiceType.LoadBalancer when NodePorts.IsOutsideDefaultRange(nodePort):
                        context.Report(Descriptor, at, service.Name, number, node,
                            NodePorts.RangeFirst.ToString(CultureInfo.InvariantCulture), NodePorts.RangeLast.ToString(CultureInfo.InvariantCulture));
                        break;
                }
            }
        }
    }
}
