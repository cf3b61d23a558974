using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// An ExternalName service pointing outside the cluster whose namespace holds egress-isolated workloads that may
/// reach no outside address at all (every outside range of the matrix denied on every port). Those workloads, the
/// likely users of the short name, cannot connect to the external host, and no rule can allow it by name: policies
/// match IP addresses. Names that are in-cluster services (found by <see cref="ServiceDns.Find"/>, or ending in
/// <c>.cluster.local</c>) are not judged; workloads allowed to some outside range are not either, since whether it
/// holds the host's addresses is unknown.
/// </summary>
public sealed class ExternalNameEgressBlocked : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.ExternalNameEgressBlocked,
        Name: nameof(ExternalNameEgressBlocked),
        Title: "Egress isolation blocks an ExternalName service's host",
        MessageFormat: "ExternalName service '{0}' points to '{1}' outside the cluster, but {2} in namespace '{3}' " +
                       "may reach no outside address; NetworkPolicies match IP addresses, not DNS names, so allow the " +
                       "host's addresses with an egress ipBlock if these workloads use it.",
        Category: RuleCategory.Services,
        DefaultSeverity: Severity.Note);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outside = Enumerable.Range(0, context.Matrix.Subjects.Length).Where(i => context.Matrix.Subjects[i].IsExternal).ToList();
        if (outside.Count == 0)
            return;
        Dictionary<string, List<Workload>>? blockedByNamespace = null;
        foreach (var service in context.Cluster.Services)
        {
            if (service.Type != ServiceType.ExternalName || service.ExternalName is not { Length: > 0 } host || IsInCluster(context.Cluster, host, service.Namespace))
                continue;
            blockedByNamespace ??= Blocked(context, outside);
            if (!blockedByNamespace.TryGetValue(service.Namespace, out var blocked))
                continue;
            var names = blocked.Count == 1
                ? $"'{blocked[0].Id}', which is isolated for egress,"
                : $"{blocked.Count} workloads isolated for egress ({string.Join(", ", blocked.Take(3).Select(w => $"'{w.Id}'"))}{(blocked.Count > 3 ? ", …" : string.Empty)})";
            context.Report(Descriptor, service.ExternalNameSpan ?? service.Span, [.. blocked.Select(w => w.Span)],
                service.Name, host, names, service.Namespace);
        }
    }

    private static bool IsInCluster(Cluster cluster, string host, string ns)
    {
        var name = host.TrimEnd('.');
        return name.EndsWith(".cluster.local", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".svc", StringComparison.OrdinalIgnoreCase)
            || ServiceDns.Find(cluster, name, ns) is not null;
    }

    /// <summary>Per namespace, the egress-isolated workloads that may send nothing to any outside range.</summary>
    private static Dictionary<string, List<Workload>> Blocked(LintContext context, List<int> outside)
    {
        var result = new Dictionary<string, List<Workload>>(StringComparer.Ordinal);
        foreach (var (workload, subject) in context.Workloads())
        {
            if (context.Ungoverned(workload) || !context.Matrix.IsIsolated(subject, Direction.Egress)
                || outside.Exists(o => !context.Matrix.Allowed(subject, o).IsEmpty))
                continue;
            if (!result.TryGetValue(workload.Namespace, out var list))
                result[workload.Namespace] = list = [];
            list.Add(workload);
        }

        return result;
    }
}
