using System.Globalization;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// A numeric port of a policy rule that equals the <c>port</c> of a Service whose backends are the rule's
/// destinations (for ingress the pods the policy selects, for egress the pods the rule's selector peers pick), while
/// on those backends the Service sends to another targetPort, the backends declare no container port of that
/// number, and the rule's ports do not admit the targetPort. kube-proxy translates the Service port to the targetPort
/// before policies see the packet, so the entry does not let traffic through the Service. Egress rules without
/// peers (any destination) are not judged: their port is usually meant for outside hosts. Headless services are not
/// judged either: nothing translates their port, clients dial the pods directly.
/// </summary>
public sealed class PolicyAllowsServicePort : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.PolicyAllowsServicePort,
        Name: nameof(PolicyAllowsServicePort),
        Title: "Policy allows a Service port instead of the pods' port",
        MessageFormat: "NetworkPolicy '{0}' allows {1}, the port of Service '{2}', but the Service sends it to " +
                       "targetPort {3} on '{4}' and policies see the pod's port after that translation; allow port " +
                       "{3} (or the container port's name) instead.",
        Category: RuleCategory.Services,
        DefaultSeverity: Severity.Warning);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var byPort = new Dictionary<(int, Protocol), List<(Service Service, ServicePort Port, ServiceEndpoints Endpoints)>>();
        foreach (var service in context.Cluster.Services)
        {
            var endpoints = context.Endpoints(service);
            if (endpoints.Backends.IsEmpty || service.IsHeadless)
                continue;
            foreach (var port in service.Ports)
            {
                if (!byPort.TryGetValue((port.Port, port.Protocol), out var list))
                    byPort[(port.Port, port.Protocol)] = list = [];
                list.Add((service, port, endpoints));
            }
        }

        if (byPort.Count == 0)
            return;
        foreach (var policy in context.Cluster.Policies)
        {
            foreach (var direction in (ReadOnlySpan<Direction>)[Direction.Ingress, Direction.Egress])
            {
                foreach (var rule in policy.Rules(direction))
                {
                    if (rule.Ports is not { Length: > 0 } ports || (direction == Direction.Egress && rule.MatchesAllPeers))
                        continue;
                    HashSet<Workload>? destinations = null;
                    foreach (var entry in ports)
                    {
                        if (entry is not { Port.Number: { } number, EndPort: null }
                            || !byPort.TryGetValue((number, entry.EffectiveProtocol), out var candidates))
                            continue;
                        destinations ??= new HashSet<Workload>(context.Destinations(policy, rule), ReferenceEqualityComparer.Instance);
                        if (Miss(rule, candidates, destinations) is { } miss)
                        {
                            context.Report(Descriptor, entry.Span, [miss.Port.PortSpan ?? miss.Port.Span], policy.Name,
                                $"{entry.EffectiveProtocol.ToApiString()} {number.ToString(CultureInfo.InvariantCulture)}",
                                $"{miss.Service.Namespace}/{miss.Service.Name}", miss.Target.ToString(CultureInfo.InvariantCulture), miss.Backend.Id);
                        }
                    }
                }
            }
        }
    }

    /// <summary>The first Service port among <paramref name="candidates"/> whose traffic the rule's ports miss on a destination backend.</summary>
    private static (Service Service, ServicePort Port, Workload Backend, int Target)? Miss(
        PolicyRule rule, List<(Service Service, ServicePort Port, ServiceEndpoints Endpoints)> candidates, HashSet<Workload> destinations)
    {
        foreach (var (service, port, endpoints) in candidates)
        {
            foreach (var backend in endpoints.Backends)
            {
                if (!destinations.Contains(backend)
                    || ServiceEndpoints.ResolveTargetPort(port, backend).Number is not { } target
                    || target == port.Port
                    || backend.Ports.Any(p => p.Number == port.Port && p.Protocol == port.Protocol)
                    || Admits(rule, backend, port.Protocol, target))
                    continue;
                return (service, port, backend, target);
            }
        }

        return null;
    }

    /// <summary>Whether some entry of the rule's ports admits (protocol, port) on <paramref name="backend"/>; names resolve there.</summary>
    private static bool Admits(PolicyRule rule, Workload backend, Protocol protocol, int port) =>
        rule.Ports!.Value.Any(entry => entry.EffectiveProtocol == protocol && entry.Port switch // callers checked Ports has entries
        {
            null => true,
            { Number: { } first } => port >= first && port <= (entry.EndPort ?? first),
            { Name: { } name } => backend.Ports.Any(p => p.Name == name && p.Protocol == protocol && p.Number == port),
            _ => false,
        });
}
