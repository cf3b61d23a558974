using System.Globalization;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// A Service port that has no client: every endpoint is ingress-isolated and no subject of the matrix (workload or
/// outside range) is a client of the port as <see cref="ServiceClients"/> defines it, the same definition the
/// services listing counts by: a backend's own single pod reaching itself does not count, its replicas reaching each
/// other do, and outside addresses count only through a NodePort or LoadBalancer Service. A subject that may be a
/// client depending on node addresses keeps the rule quiet. A targetPort that no ingress rule of the backend's
/// policies admits (peers aside) has no client without judging every subject. Services without endpoints (PC3001)
/// and targetPorts that do not resolve (PC3002) are left to those rules.
/// </summary>
public sealed class ServiceBackendsUnreachable : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.ServiceBackendsUnreachable,
        Name: nameof(ServiceBackendsUnreachable),
        Title: "No client may reach a Service's backends",
        MessageFormat: "Service '{0}' port {1} sends to {2}, but no workload and no outside address may connect there " +
                       "through the Service: the backends are isolated for ingress and no rule admits a client on that " +
                       "port (a pod reaching itself does not count, and outside addresses reach only NodePort and " +
                       "LoadBalancer Services){3}; add an ingress rule for the Service's clients on the targetPort, or " +
                       "remove the Service.",
        Category: RuleCategory.Services,
        DefaultSeverity: Severity.Warning);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var matrix = context.Matrix;
        var subjectOf = new Dictionary<Workload, int>(ReferenceEqualityComparer.Instance);
        foreach (var (workload, subject) in context.Workloads())
            subjectOf[workload] = subject;
        ServiceReachability? reachability = null;
        foreach (var service in context.Cluster.Services)
        {
            var endpoints = context.Endpoints(service);
            if (endpoints.Backends.IsEmpty)
                continue;
            foreach (var port in service.Ports)
            {
                var targets = new List<string>();
                var isolated = true;
                var admitted = false;
                foreach (var backend in endpoints.Backends)
                {
                    if (ServiceEndpoints.ResolveTargetPort(port, backend).Number is not { } target || !subjectOf.TryGetValue(backend, out var to))
                        continue;
                    if (!matrix.IsIsolated(to, Direction.Ingress))
                    {
                        isolated = false;
                        break;
                    }

                    admitted |= SomeRuleAdmits(context, backend, port.Protocol, target);
                    targets.Add($"'{backend.Id}' on {port.Protocol.ToApiString()}/{target.ToString(CultureInfo.InvariantCulture)}");
                }

                if (!isolated || targets.Count == 0)
                    continue;
                if (admitted && ServiceClients.Any(reachability ??= new ServiceReachability(context.Cluster, matrix), service, port))
                    continue;
                var related = endpoints.Backends.SelectMany(b => context.IsolatingPolicies(b, Direction.Ingress)).Distinct();
                context.Report(Descriptor, port.Span, [.. related], service.Name, port.Port.ToString(CultureInfo.InvariantCulture),
                    string.Join(", ", targets), ClientClause(context));
            }
        }
    }

    /// <summary>A client may be a pod that an operator the catalogue does not describe creates, in any namespace.</summary>
    private static string ClientClause(LintContext context) =>
        context.UnmodelledOperatorKinds(null) is { } kinds ? $" (unless a client is among the pods created by the operator of {kinds}, which are not modelled)" : string.Empty;

    /// <summary>
    /// Whether some ingress rule of a policy that selects <paramref name="backend"/> admits (protocol, port) there,
    /// peers aside: when none does, nothing reaches the port and the scan of the matrix is skipped.
    /// </summary>
    private static bool SomeRuleAdmits(LintContext context, Workload backend, Protocol protocol, int port)
    {
        foreach (var policy in context.PoliciesIn(backend.Namespace))
        {
            if (!policy.AffectsIngress || !policy.PodSelector.Matches(backend.Labels))
                continue;
            foreach (var rule in policy.Rules(Direction.Ingress))
            {
                if (rule.MatchesAllPorts || (rule.Ports ?? []).Any(entry => Admits(entry, backend, protocol, port)))
                    return true;
            }
        }

        return false;
    }

    private static bool Admits(PolicyPort entry, Workload backend, Protocol protocol, int port) =>
        entry.EffectiveProtocol == protocol && entry.Port switch
        {
            null => true,
            { Number: { } first } => port >= first && port <= (entry.EndPort ?? first),
            { Name: { } name } => backend.Ports.Any(p => p.Name == name && p.Protocol == protocol && p.Number == port),
            _ => false,
        };
}
