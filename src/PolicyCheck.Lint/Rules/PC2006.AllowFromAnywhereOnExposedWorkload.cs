using System.Collections.Immutable;
using System.Globalization;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// An ingress rule with no <c>from</c> (or an empty one) that admits, on a Service's targetPort, the pods behind a
/// NodePort or LoadBalancer Service: every address that reaches a node or the load balancer may connect. Judged on
/// the evaluated matrix: the backend is isolated for ingress and every outside subject really reaches it on that
/// port. Each rule is reported once, at the rule, with the Services and workloads it opens as related locations.
/// Backends no ingress policy isolates are PC2001's; hostNetwork backends are not governed by policies at all.
/// </summary>
public sealed class AllowFromAnywhereOnExposedWorkload : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.AllowFromAnywhereOnExposedWorkload,
        Name: nameof(AllowFromAnywhereOnExposedWorkload),
        Title: "Ingress from anywhere to a workload exposed outside the cluster",
        MessageFormat: "NetworkPolicy '{0}' ingress rule {1} has no from, so it admits every source, outside the " +
                       "cluster included, to {2} '{3}' on {4}, which {5} Service '{6}' exposes; list the allowed " +
                       "sources in from (the ingress controller's pods, the load balancer's ipBlock) unless the " +
                       "port is meant to be public.",
        Category: RuleCategory.Security,
        DefaultSeverity: Severity.Note);

    public override RuleMetadata Metadata { get; } = RuleMetadata.Security(5.5);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var matrix = context.Matrix;
        var subjectOf = new Dictionary<Workload, int>(ReferenceEqualityComparer.Instance);
        foreach (var (workload, subject) in context.Workloads())
            subjectOf[workload] = subject;
        var externals = Enumerable.Range(0, matrix.Subjects.Length).Where(i => matrix.Subjects[i].IsExternal).ToList();
        var findings = new Dictionary<PolicyRule, Finding>(ReferenceEqualityComparer.Instance);
        var order = new List<PolicyRule>();
        foreach (var service in context.Cluster.Services)
        {
            if (service.Type is not (ServiceType.NodePort or ServiceType.LoadBalancer))
                continue;
            foreach (var backend in context.Endpoints(service).Backends)
            {
                if (backend.HostNetwork || !subjectOf.TryGetValue(backend, out var subject) ||
                    !matrix.IsIsolated(subject, Direction.Ingress))
                    continue;
                foreach (var port in service.Ports)
                {
                    if (ServiceEndpoints.ResolveTargetPort(port, backend).Number is not { } target ||
                        !externals.TrueForAll(e => matrix.Allowed(e, subject).Contains(port.Protocol, target)))
                        continue;
                    foreach (var (policy, rule) in FromlessRules(context.Cluster, backend))
                    {
                        if (!AdmitsPort(rule, backend, port.Protocol, target))
                            continue;
                        if (!findings.TryGetValue(rule, out var finding))
                        {
                            var where = $"{port.Protocol.ToApiString()} port {target.ToString(CultureInfo.InvariantCulture)}";
                            findings[rule] = finding = new Finding(policy, backend, where, service);
                            order.Add(rule);
                        }

                        finding.Related.Add(service.Span);
                        finding.Related.Add(backend.Span);
                    }
                }
            }
        }

        foreach (var rule in order)
        {
            var f = findings[rule];
            context.Report(Descriptor, rule.Span, [.. f.Related.Where(s => !s.IsNone).Distinct()],
                f.Policy.Name, rule.Index, f.Backend.Kind, f.Backend.Name, f.Port, f.Service.Type, f.Service.Name);
        }
    }

    /// <summary>The ingress rules without peers of the policies that select <paramref name="workload"/> for ingress.</summary>
    private static IEnumerable<(NetworkPolicy Policy, PolicyRule Rule)> FromlessRules(Cluster cluster, Workload workload)
    {
        foreach (var policy in cluster.Policies)
        {
            if (policy.Namespace != workload.Namespace || !policy.AffectsIngress || !policy.PodSelector.Matches(workload.Labels))
                continue;
            foreach (var rule in policy.Rules(Direction.Ingress))
            {
                if (rule.MatchesAllPeers)
                    yield return (policy, rule);
            }
        }
    }

    /// <summary>Whether the rule's ports include (protocol, port) on <paramref name="destination"/>, where named ports resolve.</summary>
    private static bool AdmitsPort(PolicyRule rule, Workload destination, Protocol protocol, int port)
    {
        if (rule.MatchesAllPorts)
            return true;
        foreach (var entry in rule.Ports ?? [])
        {
            if (entry.EffectiveProtocol != protocol)
                continue;
            var admits = entry.Port switch
            {
                null => true,
                { Number: { } first } => port >= first && port <= (entry.EndPort ?? first),
                { Name: { } name } => destination.Ports.Any(p => p.Name == name && p.Protocol == protocol && p.Number == port),
                _ => false,
            };
            if (admits)
                return true;
        }

        return false;
    }

    /// <summary>The first Service port through which a rule was found open, and everything it opens.</summary>
    private sealed record Finding(NetworkPolicy Policy, Workload Backend, string Port, Service Service)
    {
        public List<SourceSpan> Related { get; } = [];
    }
}
