using System.Collections.Immutable;
using PolicyCheck.Core.Model;
using PolicyCheck.Manifests.Objects;

namespace PolicyCheck.Manifests.Grouping;

/// <summary>
/// Turns workload and pod manifests into <see cref="Workload"/>s. A pod whose controller owner is a workload kind
/// joins its top-most controller (pod → ReplicaSet → Deployment, pod → Job → CronJob) as far as the inputs show the
/// chain, and a Deployment's pods join the Deployment even when their ReplicaSet is not in the inputs (see
/// <see cref="OwnerRef"/>); pods of one controller become one workload however many replicas there are.
/// </summary>
internal static class WorkloadGrouping
{
    /// <summary>The label the Deployment controller puts on pods and appends to its ReplicaSets' names.</summary>
    public const string PodTemplateHashLabel = "pod-template-hash";

    private const int MaxOwnerChain = 8;

    public static List<Workload> Build(IReadOnlyDictionary<ObjectRef, LoadedWorkload> workloads, IEnumerable<LoadedPod> pods)
    {
        var groups = new Dictionary<ObjectRef, Group>();
        Group GroupOf(ObjectRef top) => groups.TryGetValue(top, out var g) ? g : groups[top] = new Group(top);

        foreach (var workload in workloads.Values)
        {
            var top = TopController(workloads, workload.Ref);
            if (top == workload.Ref)
                GroupOf(top).Declared = workload;
            else
                GroupOf(top).Owned.Add(workload);
        }

        var result = new List<Workload>();
        foreach (var pod in pods)
        {
            if (OwnerRef(workloads, pod) is { } owner)
                GroupOf(TopController(workloads, owner)).Pods.Add(pod);
            else
                result.Add(BarePod(pod));
        }

        result.AddRange(groups.Values.Select(ToWorkload));
        result.Sort(static (a, b) =>
        {
            var order = string.CompareOrdinal(a.Namespace, b.Namespace);
            order = order != 0 ? order : string.CompareOrdinal(a.Name, b.Name);
            return order != 0 ? order : a.Kind.CompareTo(b.Kind);
        });
        return result;
    }

    /// <summary>
    /// The workload a pod's controller reference names; null for a bare pod or one owned by something that is not a
    /// workload (a Node for static pods, a custom controller). A ReplicaSet missing from the inputs (always so for
    /// live pods read from a cluster or a <c>kubectl get pods</c> dump) stands for its Deployment when its name is a
    /// prefix plus <c>-</c> plus the pod's pod-template-hash label, which is how the Deployment controller names the
    /// ReplicaSets it creates; the pods of every such ReplicaSet (several during a rollout) then join the Deployment.
    /// Any other missing owner keeps its own name and kind.
    /// </summary>
    private static ObjectRef? OwnerRef(IReadOnlyDictionary<ObjectRef, LoadedWorkload> workloads, LoadedPod pod)
    {
        if (pod.Controller is not { } controller || ManifestKinds.ControllerKind(controller.Kind) is not { } kind)
            return null;
        var owner = new ObjectRef(kind.ToString(), pod.Namespace, controller.Name);
        if (kind == WorkloadKind.ReplicaSet && !workloads.ContainsKey(owner) && DeploymentName(controller.Name, pod) is { } deployment)
            return new ObjectRef(nameof(WorkloadKind.Deployment), pod.Namespace, deployment);
        return owner;
    }

    /// <summary>The prefix of <paramref name="replicaSet"/> before <c>-</c> + the pod's pod-template-hash, or null when the name does not end so.</summary>
    private static string? DeploymentName(string replicaSet, LoadedPod pod)
    {
        if (!pod.Template.Labels.TryGetValue(PodTemplateHashLabel, out var hash) || hash.Length == 0)
            return null;
        var suffix = "-" + hash;
        return replicaSet.Length > suffix.Length && replicaSet.EndsWith(suffix, StringComparison.Ordinal)
            ? replicaSet[..^suffix.Length]
            : null;
    }

    /// <summary>Follows controller references through the workloads in the inputs to the top-most one named.</summary>
    private static ObjectRef TopController(IReadOnlyDictionary<ObjectRef, LoadedWorkload> workloads, ObjectRef start)
    {
        var current = start;
        for (var hop = 0; hop < MaxOwnerChain; hop++)
        {
            if (!workloads.TryGetValue(current, out var workload) || workload.Controller is not { } controller ||
                ManifestKinds.ControllerKind(controller.Kind) is not { } kind)
                return current;
            current = new ObjectRef(kind.ToString(), current.Namespace, controller.Name);
        }

        return current;
    }

    private static Workload BarePod(LoadedPod pod) =>
        new(WorkloadKind.Pod, pod.Namespace, pod.Name, pod.Template.Labels, pod.Template.Ports, 1, pod.Template.HostNetwork,
            [pod.Name], pod.Ips, pod.Span, pod.Template.EnableServiceLinks, pod.Template.Hostname, pod.Template.Subdomain);

    /// <summary>
    /// Labels come from the first pod by name when pods were loaded (live pods carry the truth), else from the
    /// template; ports from the template when it has any, else from that pod; replicas as declared, else the number
    /// of pods. A controller missing from the inputs takes its template from the busiest workload it owns.
    /// </summary>
    private static Workload ToWorkload(Group group)
    {
        var pods = group.Pods.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var source = group.Declared ?? group.Owned
            .OrderByDescending(w => w.Replicas)
            .ThenBy(w => w.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        var firstPod = pods.FirstOrDefault();
        var template = source?.Template ?? firstPod!.Template; // a group has a declared or owned workload, or a pod
        var labels = firstPod?.Template.Labels ?? template.Labels;
        var ports = template.Ports.Length > 0 || firstPod is null ? template.Ports : firstPod.Template.Ports;
        var replicas = group.Declared?.Replicas ?? (pods.Count > 0 ? pods.Count : source!.Replicas);
        var span = group.Declared?.Span ?? firstPod?.Span ?? source!.Span;
        var ips = pods.SelectMany(p => p.Ips).Distinct().ToImmutableArray();
        var kind = Enum.Parse<WorkloadKind>(group.Top.Kind);
        return new Workload(kind, group.Top.Namespace, group.Top.Name, labels, ports, replicas, template.HostNetwork,
            [.. pods.Select(p => p.Name)], ips, span, template.EnableServiceLinks, template.Hostname, template.Subdomain);
    }

    private sealed class Group(ObjectRef top)
    {
        public ObjectRef Top { get; } = top;

        public LoadedWorkload? Declared { get; set; }

        public List<LoadedWorkload> Owned { get; } = [];

        public List<LoadedPod> Pods { get; } = [];
    }
}
