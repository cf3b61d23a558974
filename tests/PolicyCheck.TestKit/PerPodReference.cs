using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.TestKit;

/// <summary>
/// The reference evaluator with every pod its own endpoint carrying its own labels, against the grouped engine: each
/// pod is checked through the subject it belongs to, so a controller whose pods were merged where some selector tells
/// them apart shows up as a difference.
/// </summary>
public static class PerPodReference
{
    private static readonly (Protocol Protocol, int Port)[] Probes = [(Protocol.Tcp, 80), (Protocol.Tcp, 6379), (Protocol.Tcp, 9999)];

    /// <summary>
    /// The subject <paramref name="pod"/> belongs to: the one listing its name, else the whole controller (a template
    /// subject lists no pod names). Null when none or several claim it.
    /// </summary>
    public static Workload? SubjectOf(Cluster grouped, PodTruth pod)
    {
        ArgumentNullException.ThrowIfNull(grouped);
        ArgumentNullException.ThrowIfNull(pod);
        var listing = grouped.Workloads.Where(w => w.Namespace == pod.Namespace && w.PodNames.Contains(pod.Name)).ToList();
        if (listing.Count > 0)
            return listing.Count == 1 ? listing[0] : null;
        var whole = grouped.Workloads.Where(w => w.Ref == pod.Controller && w.Controller is null && w.PodNames.IsEmpty).ToList();
        return whole.Count == 1 ? whole[0] : null;
    }

    /// <summary>
    /// "Group only what no selector can tell apart": every selector that picks pods of a subject's namespace matches
    /// the subject's labels exactly when it matches each of the subject's pods. Returns the first difference, or null.
    /// </summary>
    public static string? CheckGrouping(Cluster grouped, IReadOnlyList<PodTruth> pods)
    {
        ArgumentNullException.ThrowIfNull(grouped);
        ArgumentNullException.ThrowIfNull(pods);
        foreach (var pod in pods)
        {
            if (SubjectOf(grouped, pod) is not { } subject)
                return $"pod {pod.Namespace}/{pod.Name} belongs to no subject, or to several";
            foreach (var (text, matches) in SelectorsOf(grouped, pod.Namespace))
            {
                if (matches(subject.Labels) != matches(pod.Labels))
                    return $"selector {text} matches pod {pod.Namespace}/{pod.Name}: {matches(pod.Labels)}, but its subject {subject.Id}: {matches(subject.Labels)}";
            }
        }

        var counted = grouped.Workloads.Select(w => (w, pods.Count(p => ReferenceEquals(SubjectOf(grouped, p), w)))).ToList();
        foreach (var (workload, count) in counted)
        {
            if (workload.Controller is not null && count != workload.Replicas)
                return $"part {workload.Id} has {workload.Replicas} replicas but {count} pods";
        }

        return null;
    }

    /// <summary>
    /// Every ordered pair of different pods at every probe port: the reference evaluator on a cluster where each pod
    /// is its own workload, against <paramref name="matrix"/> of the grouped cluster (a pair inside one subject through
    /// <see cref="ReachabilityMatrix.BetweenReplicas"/>). Returns the first difference, or null.
    /// </summary>
    public static string? Compare(Cluster grouped, ReachabilityMatrix matrix, IReadOnlyList<PodTruth> pods, EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(grouped);
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(pods);
        var expanded = new List<Workload>();
        var subjectIndex = new List<int>();
        foreach (var pod in pods)
        {
            if (SubjectOf(grouped, pod) is not { } subject)
                return $"pod {pod.Namespace}/{pod.Name} belongs to no subject, or to several";
            expanded.Add(new Workload(WorkloadKind.Pod, pod.Namespace, pod.Name, pod.Labels, subject.Ports, 1, subject.HostNetwork,
                [pod.Name], [], SourceSpan.None));
            subjectIndex.Add(Enumerable.Range(0, matrix.Subjects.Length).Single(i => ReferenceEquals(matrix.Subjects[i].Workload, subject)));
        }

        var perPod = grouped with { Workloads = [.. expanded] };
        for (var p = 0; p < expanded.Count; p++)
        {
            for (var q = 0; q < expanded.Count; q++)
            {
                if (p == q)
                    continue;
                var expected = ReferenceEvaluator.AllowedAt(perPod, Endpoint.Pod(expanded[p]), Endpoint.Pod(expanded[q]), Probes, options);
                var (i, j) = (subjectIndex[p], subjectIndex[q]);
                var actual = i == j ? matrix.BetweenReplicas(i) : matrix.Allowed(i, j);
                for (var k = 0; k < Probes.Length; k++)
                {
                    var allowed = actual?.Contains(Probes[k].Protocol, Probes[k].Port) ?? false;
                    if (allowed != expected[k])
                    {
                        return $"{pods[p].Namespace}/{pods[p].Name} -> {pods[q].Namespace}/{pods[q].Name} on {Probes[k].Port}: " +
                               $"reference {expected[k]}, engine {allowed} (subjects {matrix.Subjects[i].Id} -> {matrix.Subjects[j].Id})";
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Every selector that picks pods of <paramref name="ns"/>, as text and as a predicate on a label map.</summary>
    private static IEnumerable<(string Text, Func<IReadOnlyDictionary<string, string>, bool> Matches)> SelectorsOf(Cluster cluster, string ns)
    {
        var nsLabels = cluster.FindNamespace(ns).Labels;
        foreach (var policy in cluster.Policies)
        {
            if (policy.Namespace == ns)
                yield return ($"{policy.Name}.spec.podSelector", policy.PodSelector.Matches);
            foreach (var rule in (policy.Ingress ?? []).Concat(policy.Egress ?? []))
            {
                foreach (var peer in rule.Peers ?? [])
                {
                    if (peer.PodSelector is not { } selector)
                        continue;
                    var applies = peer.NamespaceSelector is { } namespaces ? namespaces.Matches(nsLabels) : policy.Namespace == ns;
                    if (applies)
                        yield return ($"{policy.Name} peer {selector}", selector.Matches);
                }
            }
        }

        foreach (var service in cluster.Services)
        {
            if (service.Namespace != ns || service.Type == ServiceType.ExternalName || service.Selector is not { Count: > 0 } map)
                continue;
            yield return ($"service {service.Name}", labels => map.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value));
        }
    }
}
