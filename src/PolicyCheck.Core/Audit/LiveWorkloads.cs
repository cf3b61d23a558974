using System.Collections.Immutable;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Audit;

/// <summary>
/// Names live workloads the way manifests name them. An audit reads pods, not Deployments, so a Deployment's pods
/// group under their ReplicaSet (<c>web-7d9c8f6b5d</c>); the Deployment controller names a ReplicaSet after its
/// Deployment plus the pods' <c>pod-template-hash</c> label, so such a workload is the Deployment <c>web</c>.
/// During a rollout several ReplicaSets share one Deployment; the one with the most pods takes the name.
/// </summary>
public static class LiveWorkloads
{
    public const string PodTemplateHashLabel = "pod-template-hash";

    public static Cluster AsDeclared(Cluster live)
    {
        ArgumentNullException.ThrowIfNull(live);
        var renamed = new Dictionary<(string Namespace, string Name), Workload>();
        foreach (var workload in live.Workloads.OrderByDescending(w => w.PodNames.Length).ThenBy(w => w.Name, StringComparer.Ordinal))
        {
            if (DeploymentName(workload) is { } name && !renamed.ContainsKey((workload.Namespace, name)) &&
                !live.Workloads.Any(w => w.Namespace == workload.Namespace && w.Name == name))
                renamed[(workload.Namespace, name)] = workload;
        }

        if (renamed.Count == 0)
            return live;
        var byOriginal = new Dictionary<Workload, string>(ReferenceEqualityComparer.Instance);
        foreach (var (key, workload) in renamed)
            byOriginal[workload] = key.Name;
        ImmutableArray<Workload> workloads =
        [
            .. live.Workloads.Select(w => byOriginal.TryGetValue(w, out var name) ? w with { Kind = WorkloadKind.Deployment, Name = name } : w),
        ];
        return live with { Workloads = workloads };
    }

    /// <summary>The Deployment a ReplicaSet workload belongs to, by the controller's naming, or null.</summary>
    public static string? DeploymentName(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        if (workload.Kind != WorkloadKind.ReplicaSet || !workload.Labels.TryGetValue(PodTemplateHashLabel, out var hash) || hash.Length == 0)
            return null;
        var suffix = "-" + hash;
        return workload.Name.Length > suffix.Length && workload.Name.EndsWith(suffix, StringComparison.Ordinal)
            ? workload.Name[..^suffix.Length]
            : null;
    }
}
