using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;
using PolicyCheck.Manifests.Objects;

namespace PolicyCheck.Manifests.Grouping;

/// <summary>
/// Collects the objects that loaded, reports duplicates (the later definition wins, as with <c>kubectl apply</c>)
/// and builds the <see cref="Cluster"/>: pods grouped under their controllers, namespaces completed, all sorted.
/// </summary>
internal sealed class ClusterBuilder
{
    private readonly List<Diagnostic> _diagnostics;
    private readonly Dictionary<ObjectRef, Namespace> _namespaces = [];
    private readonly Dictionary<ObjectRef, Service> _services = [];
    private readonly Dictionary<ObjectRef, NetworkPolicy> _policies = [];
    private readonly Dictionary<ObjectRef, LoadedWorkload> _workloads = [];
    private readonly Dictionary<ObjectRef, LoadedPod> _pods = [];
    private readonly Dictionary<ObjectRef, (LoadedWorkload? Workload, LoadedPod? Pod, ObjectRef From)> _created = [];
    private readonly List<CustomResource> _unmodelled = [];
    private readonly List<CustomResource> _unevaluated = [];

    public ClusterBuilder(List<Diagnostic> diagnostics)
    {
        _diagnostics = diagnostics;
    }

    public void Add(Namespace ns) => Put(_namespaces, new ObjectRef(nameof(Namespace), string.Empty, ns.Name), ns, ns.Span, n => n.Span);

    public void Add(Service service) => Put(_services, service.Ref, service, service.Span, s => s.Span);

    public void Add(NetworkPolicy policy) => Put(_policies, policy.Ref, policy, policy.Span, p => p.Span);

    public void Add(LoadedWorkload workload) => Put(_workloads, workload.Ref, workload, workload.Span, w => w.Span);

    public void Add(LoadedPod pod) => Put(_pods, pod.Ref, pod, pod.Span, p => p.Span);

    /// <summary>A workload an operator creates from the custom resource <paramref name="from"/> (see OperatorWorkloads).</summary>
    public void AddCreated(LoadedWorkload workload, ObjectRef from) => Put(_created, workload.Ref, (workload, null, from), workload.Span, c => c.Workload?.Span ?? c.Pod!.Span);

    /// <summary>A pod an operator creates directly from the custom resource <paramref name="from"/>.</summary>
    public void AddCreated(LoadedPod pod, ObjectRef from) => Put(_created, pod.Ref, (null, pod, from), pod.Span, c => c.Workload?.Span ?? c.Pod!.Span);

    public void AddUnmodelled(CustomResource resource) => _unmodelled.Add(resource);

    public void AddUnevaluated(CustomResource resource) => _unevaluated.Add(resource);

    public Cluster Build()
    {
        // What an operator creates joins the inputs unless they hold that object already (a kubectl dump of a live
        // cluster has the StatefulSet too): the written object wins, and only its origin is noted.
        foreach (var (key, created) in _created)
        {
            if (created.Workload is { } workload)
                _workloads.TryAdd(key, workload);
            else if (created.Pod is { } pod)
                _pods.TryAdd(key, pod);
        }

        // Selectors are gathered after the operators' objects joined, so that they can split those too; a split part
        // finds its origin through its controller.
        var selectors = new PodSelectors(_policies.Values, _services.Values, NamespaceLabels);
        var workloads = WorkloadGrouping.Build(_workloads, _pods.Values, selectors)
            .Select(w => _created.TryGetValue(w.Controller ?? w.Ref, out var created) ? w with { CreatedFrom = created.From } : w)
            .ToList();
        var services = _services.Values.OrderBy(s => s.Namespace, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal);
        var policies = _policies.Values.OrderBy(p => p.Namespace, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal);

        var namespaces = _namespaces.Values.ToDictionary(n => n.Name, StringComparer.Ordinal);
        var used = workloads.Select(w => w.Namespace)
            .Concat(_services.Values.Select(s => s.Namespace))
            .Concat(_policies.Values.Select(p => p.Namespace));
        foreach (var name in used)
        {
            if (!namespaces.ContainsKey(name))
                namespaces[name] = new Namespace(name, Labels.Of((Namespace.NameLabel, name)), Declared: false, SourceSpan.None);
        }

        return new Cluster(
            [.. namespaces.Values.OrderBy(n => n.Name, StringComparer.Ordinal)],
            [.. workloads],
            [.. services],
            [.. policies])
        {
            UnmodelledResources = [.. _unmodelled],
            UnevaluatedPolicies = [.. _unevaluated],
        };
    }

    /// <summary>A namespace's labels: as declared, else only the name label the API server sets.</summary>
    private ImmutableSortedDictionary<string, string> NamespaceLabels(string name) =>
        _namespaces.TryGetValue(new ObjectRef(nameof(Namespace), string.Empty, name), out var ns)
            ? ns.Labels
            : Labels.Of((Namespace.NameLabel, name));

    private void Put<T>(Dictionary<ObjectRef, T> map, ObjectRef key, T value, SourceSpan span, Func<T, SourceSpan> spanOf)
    {
        if (map.TryGetValue(key, out var earlier))
        {
            var earlierSpan = spanOf(earlier);
            var name = key.Namespace.Length == 0 ? $"{key.Kind} '{key.Name}'" : $"{key.Kind} '{key.Namespace}/{key.Name}'";
            _diagnostics.Add(new Diagnostic(LoadDiagnostics.DuplicateObject, span, [name, earlierSpan.ToString()], [earlierSpan]));
        }

        map[key] = value;
    }
}
