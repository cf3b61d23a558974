using System.Collections.Immutable;
using System.Globalization;
using PolicyCheck.Core.Model;
using PolicyCheck.Manifests.Objects;

namespace PolicyCheck.Manifests.Grouping;

/// <summary>
/// The pods of one controller with the labels each carries: loaded pods as they are (live pods carry every label the
/// controller set), else the pods the inputs imply, from the template plus the <see cref="ControllerLabels"/> the
/// controller adds. Only controller labels some selector looks at are added (<see cref="PodSelectors.Keys"/>), so
/// clusters that never select on them keep their label maps as written.
/// </summary>
internal static class ControllerPods
{
    /// <summary>Past this many pods in one part, a StatefulSet part does not list its pods' names.</summary>
    public const int MaxListedNames = 1000;

    /// <summary>
    /// The labels the controller <paramref name="creator"/> gives the pod with <paramref name="ordinal"/> (a StatefulSet's;
    /// null for its first): its template's labels plus those controller labels whose key is in <paramref name="keys"/>.
    /// </summary>
    public static ImmutableSortedDictionary<string, string> Labels(WorkloadKind top, LoadedWorkload creator, long? ordinal, IReadOnlySet<string> keys)
    {
        var labels = creator.Template.Labels;
        void Put(string key, string value)
        {
            if (keys.Contains(key))
                labels = labels.SetItem(key, value);
        }

        switch (creator.Kind)
        {
            case WorkloadKind.StatefulSet:
                var index = (ordinal ?? creator.OrdinalStart).ToString(CultureInfo.InvariantCulture);
                Put(ControllerLabels.StatefulSetPodName, $"{creator.Name}-{index}");
                Put(ControllerLabels.PodIndex, index);
                Put(ControllerLabels.ControllerRevisionHash, ControllerLabels.Unknown);
                break;
            case WorkloadKind.DaemonSet:
                Put(ControllerLabels.ControllerRevisionHash, ControllerLabels.Unknown);
                Put(ControllerLabels.PodTemplateGeneration, ControllerLabels.Unknown);
                break;
            case WorkloadKind.Deployment:
                Put(ControllerLabels.PodTemplateHash, ControllerLabels.Unknown);
                break;
            case WorkloadKind.ReplicaSet when top == WorkloadKind.Deployment && !labels.ContainsKey(ControllerLabels.PodTemplateHash):
                Put(ControllerLabels.PodTemplateHash, ControllerLabels.Unknown);
                break;
            case WorkloadKind.Job:
                Put(ControllerLabels.JobName, creator.Name);
                Put(ControllerLabels.BatchJobName, creator.Name);
                Put(ControllerLabels.ControllerUid, creator.Uid ?? ControllerLabels.Unknown);
                Put(ControllerLabels.BatchControllerUid, creator.Uid ?? ControllerLabels.Unknown);
                break;
            case WorkloadKind.CronJob:
                // Each run is a Job named <cronjob>-<scheduled time in minutes>, unknown until it runs.
                Put(ControllerLabels.JobName, ControllerLabels.Unknown);
                Put(ControllerLabels.BatchJobName, ControllerLabels.Unknown);
                Put(ControllerLabels.ControllerUid, ControllerLabels.Unknown);
                Put(ControllerLabels.BatchControllerUid, ControllerLabels.Unknown);
                break;
        }

        return labels;
    }

    /// <summary>
    /// The pods of a controller in pod order: loaded pods by name; else the pods of the ReplicaSets or Jobs it owns in
    /// the inputs (any with replicas); else <paramref name="replicas"/> pods from <paramref name="source"/>'s template. A
    /// StatefulSet's pods are told apart only where a selector names them: pods whose name or index some selector of
    /// <paramref name="selectors"/> writes are single, and the rest share one entry, being alike for every selector.
    /// </summary>
    public static List<PodEntry> Of(
        ObjectRef top, LoadedWorkload? source, int replicas, IReadOnlyList<LoadedWorkload> owned, IReadOnlyList<LoadedPod> pods,
        IReadOnlySet<string> keys, Func<IReadOnlyList<PodSelectors.Entry>> selectors)
    {
        var topKind = Enum.Parse<WorkloadKind>(top.Kind);
        if (pods.Count > 0)
            return [.. pods.Select(p => new PodEntry(p.Template.Labels, 1, [p.Name], p, CreatorOf(top, p), owned.FirstOrDefault(w => w.Name == CreatorOf(top, p))))];

        var creators = owned.Where(w => w.Kind is WorkloadKind.ReplicaSet or WorkloadKind.Job && w.Replicas > 0)
            .OrderBy(w => w.Name, StringComparer.Ordinal).ToList();
        if (creators.Count > 0)
            return [.. creators.Select(w => new PodEntry(Labels(topKind, w, null, keys), w.Replicas, [], null, w.Name, w))];
        if (source is null || replicas <= 0)
            return [];
        if (source.Kind != WorkloadKind.StatefulSet)
            return [new PodEntry(Labels(topKind, source, null, keys), replicas, [], null, null, null)];
        return keys.Contains(ControllerLabels.StatefulSetPodName) || keys.Contains(ControllerLabels.PodIndex)
            ? StatefulSetPods(topKind, source, replicas, keys, selectors())
            : [new PodEntry(Labels(topKind, source, null, keys), replicas, [], null, null, null)];
    }

    private static List<PodEntry> StatefulSetPods(WorkloadKind topKind, LoadedWorkload set, int replicas, IReadOnlySet<string> keys, IReadOnlyList<PodSelectors.Entry> selectors)
    {
        var start = (long)set.OrdinalStart;
        var end = start + replicas; // exclusive
        var named = new SortedSet<long>();
        foreach (var selector in selectors)
        {
            foreach (var value in selector.ValuesOf(ControllerLabels.StatefulSetPodName))
            {
                if (value.StartsWith(set.Name + "-", StringComparison.Ordinal) && Ordinal(value[(set.Name.Length + 1)..]) is { } n && n >= start && n < end)
                    named.Add(n);
            }

            foreach (var value in selector.ValuesOf(ControllerLabels.PodIndex))
            {
                if (Ordinal(value) is { } n && n >= start && n < end)
                    named.Add(n);
            }
        }

        string NameOf(long n) => $"{set.Name}-{n.ToString(CultureInfo.InvariantCulture)}";
        var entries = named.Select(n => (Position: n, Entry: new PodEntry(Labels(topKind, set, n, keys), 1, [NameOf(n)], null, null, null))).ToList();
        var restCount = replicas - named.Count;
        if (restCount > 0)
        {
            var first = start;
            while (named.Contains(first))
                first++;
            var names = restCount <= MaxListedNames
                ? Enumerable.Range(0, replicas).Select(i => start + i).Where(n => !named.Contains(n)).Select(NameOf).ToImmutableArray()
                : [];
            entries.Add((first, new PodEntry(Labels(topKind, set, first, keys), restCount, names, null, null, null)));
        }

        return [.. entries.OrderBy(e => e.Position).Select(e => e.Entry)];
    }

    /// <summary>A StatefulSet ordinal as its pods' names and the pod-index label write it: decimal, no leading zero.</summary>
    private static long? Ordinal(string text) =>
        text.Length is > 0 and <= 10 && (text == "0" || text[0] != '0') &&
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>The ReplicaSet or Job between a loaded pod and its top controller (a Deployment's, a CronJob's); else null.</summary>
    private static string? CreatorOf(ObjectRef top, LoadedPod pod) =>
        pod.Controller is { } controller && controller.Kind is nameof(WorkloadKind.ReplicaSet) or nameof(WorkloadKind.Job) &&
        !(controller.Kind == top.Kind && controller.Name == top.Name)
            ? controller.Name
            : null;
}

/// <summary>
/// One pod, or <paramref name="Count"/> pods every selector treats alike, of a controller: their labels, the pod
/// names when known, the loaded pod, and the ReplicaSet or Job that made them (its name, and its object when loaded).
/// </summary>
internal sealed record PodEntry(
    ImmutableSortedDictionary<string, string> Labels,
    int Count,
    ImmutableArray<string> Names,
    LoadedPod? Pod,
    string? CreatorName,
    LoadedWorkload? Creator)
;
