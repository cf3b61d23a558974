using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// An ExternalName service that carries fields of a proxied service: a selector (ignored: no endpoints are made; a
/// warning, since the author expected traffic to reach those pods), ports (kube-proxy ignores them, as the service
/// is only a DNS CNAME; a note, since some ingress controllers and meshes read them) or a clusterIP (refused by
/// validation; an error).
/// </summary>
public sealed class ExternalNameWithSelectorOrPorts : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.ExternalNameWithSelectorOrPorts,
        Name: nameof(ExternalNameWithSelectorOrPorts),
        Title: "ExternalName service with a selector, ports or a clusterIP",
        MessageFormat: "ExternalName service '{0}' has a selector, which is ignored: it gets no endpoints and its name " +
                       "is only a DNS CNAME for '{1}'; remove the selector, or make it a ClusterIP service to send " +
                       "traffic to the selected pods.",
        Category: RuleCategory.Services,
        DefaultSeverity: Severity.Warning);

    private DiagnosticDescriptor WithPorts => Descriptor with
    {
        DefaultSeverity = Severity.Note,
        MessageFormat = "ExternalName service '{0}' lists ports, which kube-proxy does not use: its name is only a DNS " +
                        "CNAME for '{1}' and clients connect to whatever port they dial; remove them unless an " +
                        "ingress controller or service mesh reads them.",
    };

    private DiagnosticDescriptor WithClusterIp => Descriptor with
    {
        DefaultSeverity = Severity.Error,
        MessageFormat = "ExternalName service '{0}' sets clusterIP '{2}', which the API server refuses ('may not be " +
                        "set for ExternalName services'); remove clusterIP.",
    };

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (withPorts, withClusterIp) = (WithPorts, WithClusterIp);
        foreach (var service in context.Cluster.Services)
        {
            if (service.Type != ServiceType.ExternalName)
                continue;
            var target = service.ExternalName ?? string.Empty;
            if (service.Selector is { Count: > 0 })
                context.Report(Descriptor, service.SelectorSpan ?? service.Span, service.Name, target);
            if (!service.Ports.IsDefaultOrEmpty)
                context.Report(withPorts, service.PortsSpan ?? service.Span, service.Name, target);
            if (!string.IsNullOrEmpty(service.ClusterIp))
                context.Report(withClusterIp, service.ClusterIpSpan ?? service.Span, service.Name, target, service.ClusterIp);
        }
    }
}
