using System.Collections.Immutable;
using System.Globalization;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;
using PolicyCheck.Reporting.Services;

namespace PolicyCheck.Reporting.Explain;

/// <summary>
/// Lays the service part of an <c>explain --to-service</c> out as outline lines: per service port, whether the
/// client reaches all, some or none of its backends, and per backend the targetPort used and the outcome. The
/// per-backend flows that follow explain each outcome down to the rule.
/// </summary>
internal static class ServiceOutline
{
    /// <param name="clientAddress">The outside address the user named as the client, if any.</param>
    /// <param name="backends">The subjects of the backends, so a backend reads by its matrix id as everywhere else.</param>
    public static IReadOnlyList<OutlineLine> Lines(ImmutableArray<ServiceVerdict> verdicts, System.Net.IPAddress? clientAddress, IReadOnlyCollection<Subject> backends)
    {
        var lines = new List<OutlineLine>();
        foreach (var verdict in verdicts)
        {
            var service = verdict.Service;
            var port = verdict.Port;
            var portName = port.Name is { } name ? $"{ServiceReachText.PortName(name)} " : string.Empty;
            var tone = verdict.Coverage switch
            {
                ServiceCoverage.All => OutlineTone.Allowed,
                ServiceCoverage.Some => OutlineTone.Neutral,
                _ => OutlineTone.Denied,
            };
            lines.Add(new OutlineLine(
                0,
                SourceSpan.None,
                $"{ExplainOutline.Name(verdict.Client, clientAddress)} -> service {service.Namespace}/{service.Name} ({Type(service)}, {ServiceDns.Fqdn(service)}) " +
                $"port {portName}{port.Port.ToString(CultureInfo.InvariantCulture)}/{port.Protocol.ToApiString()}: {Coverage(verdict)}",
                tone));
            lines.Add(new OutlineLine(1, port.Span, $"targetPort {ServiceReachText.TargetPort(port.EffectiveTargetPort)}; route: {Route(verdict.Route)}"));
            if (verdict.Note is { } note)
                lines.Add(new OutlineLine(1, service.Span, note));
            foreach (var backend in verdict.Backends)
            {
                var target = backend.TargetPort is { } number
                    ? $"{number.ToString(CultureInfo.InvariantCulture)}/{port.Protocol.ToApiString()}"
                    : "unresolved";
                var outcome = backend.Outcome switch
                {
                    BackendOutcome.Allowed => "reached",
                    BackendOutcome.Denied => "not reached",
                    BackendOutcome.DependsOnNodeAddresses => "depends on node addresses",
                    _ => "not an endpoint of this port",
                };
                lines.Add(new OutlineLine(
                    2,
                    backend.Backend.Span,
                    $"backend {IdOf(backend.Backend, backends)} on {target}: {outcome}. {backend.Reason}",
                    backend.Outcome switch
                    {
                        BackendOutcome.Allowed => OutlineTone.Allowed,
                        BackendOutcome.DependsOnNodeAddresses => OutlineTone.Neutral,
                        _ => OutlineTone.Denied,
                    }));
            }
        }

        return lines;
    }

    /// <summary>The backend's subject id (<c>ns/name</c>, with the kind only where two kinds share the name).</summary>
    private static string IdOf(Workload backend, IReadOnlyCollection<Subject> subjects) =>
        subjects.FirstOrDefault(s => ReferenceEquals(s.Workload, backend))?.Id ?? backend.Id;

    private static string Type(Service service) => service.IsHeadless ? "headless" : service.Type.ToString();

    private static string Coverage(ServiceVerdict verdict) => verdict.Coverage switch
    {
        ServiceCoverage.All => $"reaches all {Count(verdict.Endpoints)} backend(s)",
        ServiceCoverage.Some => $"reaches {Count(verdict.Reached)} of {Count(verdict.Endpoints)} backends",
        ServiceCoverage.None => verdict.Uncertain > 0
            ? $"reaches none of {Count(verdict.Endpoints)} backend(s) for certain ({Count(verdict.Uncertain)} depend on node addresses)"
            : $"reaches none of {Count(verdict.Endpoints)} backend(s)",
        _ => "no backends",
    };

    private static string Route(ServiceRoute route) => route switch
    {
        ServiceRoute.InCluster => "in the cluster, translated by kube-proxy to a backend pod and its targetPort",
        ServiceRoute.ExternalLocal => "from outside through a node port or load balancer, client address kept (externalTrafficPolicy Local)",
        ServiceRoute.ExternalCluster => "from outside through a node port or load balancer, source-NATed to a node address " +
                                        "(externalTrafficPolicy Cluster): ipBlock rules do not see the client address",
        _ => "none: the service offers no way in from this client",
    };

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
