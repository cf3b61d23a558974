using System.Collections.Immutable;
using PolicyCheck.Core.Model;
using PolicyCheck.Manifests.Objects;

namespace PolicyCheck.Manifests.Grouping;

/// <summary>
/// Turns workload and pod manifests into <see cref="Workload"/>s. A pod whose controller owner is a workload kind
/// joins its top-most controller (pod → ReplicaSet → Deployment, pod → Job → CronJob) as far as the inputs show the
/// chain, and a Deployment's pods join the Deployment even when their ReplicaSet is not in the inputs (see
/// <see cref="OwnerRef"/>); pods of one controller become one workload however many replicas there are, unless
/// selectors tell them apart: then each set of pods every selector treats alike is a workload of its own (see
/// <see cref="Parts"/> and docs/workloads.md).
/// </summary>
internal static class WorkloadGrouping
{
    /// <summary>The label the Deployment controller puts on pods and appends to its ReplicaSets' names.</summary>
    public const string PodTemplateHashLabel = ControllerLabels.PodTemplateHash;

    /// <summary>How many pod names a part named after its pods lists before it counts the rest.</summary>
    private const int MaxNamedPods = 3;

    private const int MaxOwnerChain = 8;

    public static List<Workload> Build(IReadOnlyDictionary<ObjectRef, LoadedWorkload> workloads, IEnumerable<LoadedPod> pods, PodSelectors selectors)
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

        var parts = new List<Workload>();
        foreach (var group in groups.Values)
        {
            var workload = ToWorkload(group, selectors, out var split);
            if (split is null)
                result.Add(workload);
            else
                parts.AddRange(split);
        }

        AddUniquelyNamed(result, parts);
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
    private static Workload ToWorkload(Group group, PodSelectors selectors, out List<Workload>? parts)
    {
        var pods = group.Pods.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var source = group.Declared ?? group.Owned
            .OrderByDescending(w => w.Replicas)
            .ThenBy(w => w.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        var firstPod = pods.FirstOrDefault();
        var template = source?.Template ?? firstPod!.Template; // a group has a declared or owned workload, or a pod
        var kind = Enum.Parse<WorkloadKind>(group.Top.Kind);
        var labels = firstPod?.Template.Labels ?? ControllerPods.Labels(kind, source!, null, selectors.Keys);
        var ports = template.Ports.Length > 0 || firstPod is null ? template.Ports : firstPod.Template.Ports;
        var replicas = group.Declared?.Replicas ?? (pods.Count > 0 ? pods.Count : source!.Replicas);
        var span = group.Declared?.Span ?? firstPod?.Span ?? source!.Span;
        var ips = pods.SelectMany(p => p.Ips).Distinct().ToImmutableArray();
        var whole = new Workload(kind, group.Top.Namespace, group.Top.Name, labels, ports, replicas, template.HostNetwork,
            [.. pods.Select(p => p.Name)], ips, span, template.EnableServiceLinks, template.Hostname, template.Subdomain);

        parts = null;
        if (selectors.Keys.Count == 0)
            return whole;
        IReadOnlyList<PodSelectors.Entry> InNamespace() => selectors.In(group.Top.Namespace);
        var entries = ControllerPods.Of(group.Top, source, replicas, group.Owned, pods, selectors.Keys, InNamespace);
        if (PodPartition.Split(entries, InNamespace) is { } split)
            parts = Parts(whole, template.Ports, entries, split);
        else if (pods.Count == 0 && entries.Count > 0)
            whole = whole with { Labels = WithSelectedKeys(whole.Labels, entries[0].Labels, selectors.Keys) };
        return whole;
    }

    /// <summary>
    /// One workload per part of a split controller, each knowing its <see cref="Workload.Controller"/>. Names: a part
    /// that is exactly the pods of one ReplicaSet or Job is named after it (<c>web-7d9f</c>); a part of one pod whose
    /// name is known is named after the pod (<c>db-0</c>); of the other parts the largest (the first on a tie) keeps
    /// the controller's name; any further part lists its pods, or ReplicaSets, joined by <c>+</c> (at most
    /// <see cref="MaxNamedPods"/>, then <c>+N-more</c>). Labels come from the part's first pod, replicas count its pods.
    /// </summary>
    private static List<Workload> Parts(Workload whole, ImmutableArray<ContainerPort> templatePorts, List<PodEntry> entries, List<List<PodEntry>> split)
    {
        var names = new string?[split.Count];
        for (var i = 0; i < split.Count; i++)
        {
            var part = split[i];
            if (part[0].CreatorName is { } creator && part.TrueForAll(e => e.CreatorName == creator) &&
                entries.Count(e => e.CreatorName == creator) == part.Count)
                names[i] = creator;
            else if (part is [{ Count: 1, Names: [var pod] }])
                names[i] = pod;
        }

        var largest = -1;
        for (var i = 0; i < split.Count; i++)
        {
            if (names[i] is null && (largest < 0 || PodCount(split[i]) > PodCount(split[largest])))
                largest = i;
        }

        var result = new List<Workload>(split.Count);
        for (var i = 0; i < split.Count; i++)
        {
            var part = split[i];
            var name = names[i] ?? (i == largest ? whole.Name : ListName(whole.Name, part));
            var loaded = part.Where(e => e.Pod is not null).Select(e => e.Pod!).ToList(); // filtered on the line
            var creator = part[0].Creator;
            var span = loaded is [var single] && part.Count == 1 ? single.Span
                : creator is not null && name == creator.Name ? creator.Span
                : whole.Span;
            result.Add(whole with
            {
                Name = name,
                Labels = part[0].Labels,
                Ports = templatePorts.Length > 0 || loaded.Count == 0 ? whole.Ports : loaded[0].Template.Ports,
                Replicas = PodCount(part),
                PodNames = [.. part.SelectMany(e => e.Names)],
                PodIps = [.. loaded.SelectMany(p => p.Ips).Distinct()],
                Span = span,
                Controller = whole.Ref,
            });
        }

        return result;
    }

    /// <summary>
    /// The template's labels with every key some selector looks at as the pods have it: the pods may come from
    /// ReplicaSets or Jobs in the inputs (their pod-template-hash, their job-name), which every selector treats alike
    /// when the controller is not split, so the first pod answers for all. Other keys stay as the template writes them.
    /// </summary>
    private static ImmutableSortedDictionary<string, string> WithSelectedKeys(
        ImmutableSortedDictionary<string, string> template, ImmutableSortedDictionary<string, string> pod, IReadOnlySet<string> keys)
    {
        var labels = template;
        foreach (var key in keys)
        {
            labels = pod.TryGetValue(key, out var value) ? labels.SetItem(key, value) : labels.Remove(key);
        }

        return labels;
    }

    private static int PodCount(List<PodEntry> part) => part.Sum(e => e.Count);

    private static string ListName(string controller, List<PodEntry> part)
    {
        var units = part.SelectMany(e => e.Names.Length > 0 ? e.Names : e.CreatorName is { } c ? [c] : ImmutableArray<string>.Empty)
            .Distinct(StringComparer.Ordinal).ToList();
        if (units.Count == 0)
            return controller;
        if (units.Count <= MaxNamedPods)
            return string.Join('+', units);
        var more = units.Count - (MaxNamedPods - 1);
        return string.Join('+', units.Take(MaxNamedPods - 1)) + $"+{more.ToString(System.Globalization.CultureInfo.InvariantCulture)}-more";
    }

    /// <summary>
    /// Adds the parts of split controllers to <paramref name="result"/>. A part's name can be taken by another workload
    /// of the same kind in the namespace (a StatefulSet <c>db-0</c> beside pod <c>db-0</c> of StatefulSet <c>db</c>):
    /// such a part is called <c>controller:name</c> instead, so every subject id stays unique.
    /// </summary>
    private static void AddUniquelyNamed(List<Workload> result, List<Workload> parts)
    {
        if (parts.Count == 0)
            return;
        var taken = result.Select(w => (w.Namespace, w.Name, w.Kind)).ToHashSet();
        foreach (var part in parts)
        {
            var named = part;
            while (!taken.Add((named.Namespace, named.Name, named.Kind)))
                named = named with { Name = $"{part.Controller!.Value.Name}:{named.Name}" }; // parts always have a controller
            result.Add(named);
        }
    }

    private sealed class Group(ObjectRef top)
    {
        public ObjectRef Top { get; } = top;

        public LoadedWorkload? Declared { get; set; }

        public List<LoadedWorkload> Owned { get; } = [];

        public List<LoadedPod> Pods { get; } = [];
    }
}
