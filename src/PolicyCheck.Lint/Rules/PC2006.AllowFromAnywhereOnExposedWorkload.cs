using System.Globalization;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// An ingress rule with no <c>from</c> (or an empty one) that admits, on a Service's targetPort, the pods behind a
/// NodePort or LoadBalancer Service, and also admits ports those Services do not publish (no <c>ports</c>, a whole
/// protocol, a wider range, another port): the rule then opens more of a public workload to every source than the
/// Service makes public. A rule that lists exactly the published targetPorts (an ingress controller's 80 and 443)
/// is the usual way to make a public port reachable (with externalTrafficPolicy Cluster the client address is a
/// node's, so from cannot name the clients) and is not reported. Judged on the evaluated matrix: the backend is
/// isolated for ingress and every outside subject really reaches it on the published port. Each rule is reported
/// once, at the rule, with the Services and workloads it opens as related locations.
/// Backends no ingress policy isolates are PC2001's; hostNetwork backends are not governed by policies at all.
/// </summary>
public sealed class AllowFromAnywhereOnExposedWorkload : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.AllowFromAnywhereOnExposedWorkload,
        Name: nameof(AllowFromAnywhereOnExposedWorkload),
        Title: "Ingress from anywhere to a workload exposed outside the cluster",
        MessageFormat: "NetworkPolicy '{0}' ingress rule #{1} has no from, so it admits every source, outside the " +
                       "cluster included, to {2} '{3}', which {5} Service '{6}' exposes on {4}, and on {7} too, which " +
                       "no such Service publishes; limit the rule's ports to the published targetPorts, and list " +
                       "the allowed sources in from for the other ports.",
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
        var published = Published(context);
        foreach (var service in context.Cluster.Services)
        {
            if (service.Type is not (ServiceType.NodePort or ServiceType.LoadBalancer))
                continue;
            foreach (var backend in context.Endpoints(service).Backends)
            {
                if (context.Ungoverned(backend) || !subjectOf.TryGetValue(backend, out var subject) ||
                    !matrix.IsIsolated(subject, Direction.Ingress))
                    continue;
                foreach (var port in service.Ports)
                {
                    if (ServiceEndpoints.ResolveTargetPort(port, backend).Number is not { } target ||
                        !externals.TrueForAll(e => matrix.Allowed(e, subject).Contains(port.Protocol, target)))
                        continue;
                    foreach (var (policy, rule) in FromlessRules(context, backend))
                    {
                        if (!AdmitsPort(rule, backend, port.Protocol, target) ||
                            Unpublished(rule, backend, published[backend]) is not { } beyond)
                            continue;
                        if (!findings.TryGetValue(rule, out var finding))
                        {
                            var where = $"{port.Protocol.ToApiString()} port {target.ToString(CultureInfo.InvariantCulture)}";
                            findings[rule] = finding = new Finding(policy, backend, where, service, beyond);
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
                f.Policy.Name, rule.Number, f.Backend.Kind, f.Backend.Name, f.Port, f.Service.Type, f.Service.Name, f.Beyond);
        }
    }

    /// <summary>The ingress rules without peers of the policies that select <paramref name="workload"/> for ingress.</summary>
    private static IEnumerable<(NetworkPolicy Policy, PolicyRule Rule)> FromlessRules(LintContext context, Workload workload)
    {
        foreach (var policy in context.PoliciesIn(workload.Namespace))
        {
            if (!policy.AffectsIngress || !policy.PodSelector.Matches(workload.Labels))
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

    /// <summary>Per backend, the (protocol, targetPort) pairs its NodePort and LoadBalancer Services publish on it.</summary>
    private static Dictionary<Workload, HashSet<(Protocol, int)>> Published(LintContext context)
    {
        var published = new Dictionary<Workload, HashSet<(Protocol, int)>>(ReferenceEqualityComparer.Instance);
        foreach (var service in context.Cluster.Services)
        {
            if (service.Type is not (ServiceType.NodePort or ServiceType.LoadBalancer))
                continue;
            foreach (var backend in context.Endpoints(service).Backends)
            {
                if (!published.TryGetValue(backend, out var set))
                    published[backend] = set = [];
                foreach (var port in service.Ports)
                {
                    if (ServiceEndpoints.ResolveTargetPort(port, backend).Number is { } target)
                        set.Add((port.Protocol, target));
                }
            }
        }

        return published;
    }

    /// <summary>What the rule admits on <paramref name="backend"/> beyond <paramref name="published"/>, described, or null.</summary>
    private static string? Unpublished(PolicyRule rule, Workload backend, HashSet<(Protocol, int)> published)
    {
        if (rule.MatchesAllPorts)
            return "every other port";
        var beyond = new List<string>();
        foreach (var entry in rule.Ports ?? [])
        {
            var protocol = entry.EffectiveProtocol;
            var text = entry.Port switch
            {
                null => $"every {protocol.ToApiString()} port",
                { Number: { } first } when Enumerable.Range(first, Math.Max(entry.EndPort ?? first, first) - first + 1).Any(n => !published.Contains((protocol, n))) =>
                    entry.EndPort is { } last
                        ? string.Create(CultureInfo.InvariantCulture, $"{protocol.ToApiString()} ports {first}-{last}")
                        : string.Create(CultureInfo.InvariantCulture, $"{protocol.ToApiString()} port {first}"),
                { Name: { } name } when backend.Ports.Any(p => p.Name == name && p.Protocol == protocol && !published.Contains((protocol, p.Number))) =>
                    $"{protocol.ToApiString()} port '{name}'",
                _ => null,
            };
            if (text is not null)
                beyond.Add(text);
        }

        return beyond.Count == 0 ? null : string.Join(", ", beyond);
    }

    /// <summary>The first Service port through which a rule was found open, and everything it opens.</summary>
    private sealed record Finding(NetworkPolicy Policy, Workload Backend, string Port, Service Service, string Beyond)
    {
        public List<SourceSpan> Related { get; } = [];
    }
}
