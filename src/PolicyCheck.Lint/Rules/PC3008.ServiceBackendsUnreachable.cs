using System.Globalization;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// A Service port none of whose endpoints anyone may reach on the targetPort: every endpoint is ingress-isolated and
/// the evaluated matrix allows no other subject (workload or outside range) there, nor the endpoint's own replicas.
/// Judged per equivalence class of the matrix, so the cost grows with classes, not pods; a targetPort that no
/// ingress rule of the backend's policies admits (peers aside) is unreachable without scanning the matrix. Services without endpoints
/// (PC3001) and targetPorts that do not resolve (PC3002) are left to those rules.
/// </summary>
public sealed class ServiceBackendsUnreachable : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.ServiceBackendsUnreachable,
        Name: nameof(ServiceBackendsUnreachable),
        Title: "No client may reach a Service's backends",
        MessageFormat: "Service '{0}' port {1} sends to {2}, but no workload and no outside address may connect there: " +
                       "the backends are isolated for ingress and no rule admits that port; add an ingress rule for " +
                       "the Service's clients on the targetPort, or remove the Service.",
        Category: RuleCategory.Services,
        DefaultSeverity: Severity.Warning);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var matrix = context.Matrix;
        var subjectOf = new Dictionary<Workload, int>(ReferenceEqualityComparer.Instance);
        foreach (var (workload, subject) in context.Workloads())
            subjectOf[workload] = subject;
        var members = ClassMembers(matrix);
        var reached = new Dictionary<(int, Protocol, int), bool>();
        foreach (var service in context.Cluster.Services)
        {
            var endpoints = context.Endpoints(service);
            if (endpoints.Backends.IsEmpty)
                continue;
            foreach (var port in service.Ports)
            {
                var targets = new List<string>();
                var blocked = true;
                foreach (var backend in endpoints.Backends)
                {
                    if (ServiceEndpoints.ResolveTargetPort(port, backend).Number is not { } target || !subjectOf.TryGetValue(backend, out var to))
                        continue;
                    var key = (to, port.Protocol, target);
                    if (!reached.TryGetValue(key, out var any))
                    {
                        reached[key] = any = !matrix.IsIsolated(to, Direction.Ingress) ||
                            (SomeRuleAdmits(context, backend, port.Protocol, target) && Reached(matrix, members, to, port.Protocol, target));
                    }

                    if (any)
                    {
                        blocked = false;
                        break;
                    }

                    targets.Add($"'{backend.Id}' on {port.Protocol.ToApiString()}/{target.ToString(CultureInfo.InvariantCulture)}");
                }

                if (!blocked || targets.Count == 0)
                    continue;
                var related = endpoints.Backends.SelectMany(b => context.IsolatingPolicies(b, Direction.Ingress)).Distinct();
                context.Report(Descriptor, port.Span, [.. related], service.Name, port.Port.ToString(CultureInfo.InvariantCulture),
                    string.Join(", ", targets));
            }
        }
    }

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

    /// <summary>Up to two subjects per class: enough to find a client of a backend other than the backend itself.</summary>
    private static List<int>[] ClassMembers(ReachabilityMatrix matrix)
    {
        var members = new List<int>[matrix.ClassCount];
        for (var s = 0; s < matrix.Subjects.Length; s++)
        {
            var list = members[matrix.ClassOf(s)] ??= [];
            if (list.Count < 2)
                list.Add(s);
        }

        return members;
    }

    /// <summary>Whether some subject other than <paramref name="to"/> (or another replica of it) may reach it on (protocol, port).</summary>
    private static bool Reached(ReachabilityMatrix matrix, List<int>[] members, int to, Protocol protocol, int port)
    {
        if (!matrix.IsIsolated(to, Direction.Ingress) || matrix.BetweenReplicas(to)?.Contains(protocol, port) == true)
            return true;
        foreach (var list in members)
        {
            if (list is null)
                continue;
            var from = list[0] != to ? list[0] : list.Count > 1 ? list[1] : -1;
            if (from >= 0 && matrix.Allowed(from, to).Contains(protocol, port))
                return true;
        }

        return false;
    }
}
