using System.Collections.Immutable;
using System.Net;

namespace PolicyCheck.Core.Model;

/// <summary>
/// A subject of the reachability matrix: a bare pod, or a controller with the pods it creates. Labels, ports and
/// hostNetwork come from the pod template (or, when live pods of it were loaded, from the first such pod), with the
/// <see cref="ControllerLabels"/> that some selector of the inputs looks at. When selectors tell the pods of one
/// controller apart, each set of pods they treat alike is its own subject (see <see cref="Controller"/> and
/// docs/workloads.md).
/// </summary>
/// <param name="Replicas">Declared replicas, or the number of pods loaded for it; at least 1 for a bare pod. For a part of a split controller, the number of its pods.</param>
/// <param name="PodNames">
/// Names of loaded pods grouped under this subject (empty for a template-only workload); for a part of a split
/// StatefulSet without loaded pods, the names its pods get (<c>&lt;set&gt;-&lt;ordinal&gt;</c>).
/// </param>
/// <param name="PodIps">Known pod IPs (<c>status.podIPs</c>); empty when unknown, which is the usual case for manifests.</param>
/// <param name="EnableServiceLinks">
/// The pod spec's <c>enableServiceLinks</c> (default true): whether the kubelet gives the pods the
/// <c>&lt;NAME&gt;_SERVICE_HOST</c>-style variables of the services in their namespace.
/// </param>
/// <param name="Hostname">A bare pod's <c>spec.hostname</c>; null when absent (a StatefulSet's pods use their own names).</param>
/// <param name="Subdomain">
/// A pod's <c>spec.subdomain</c>, or a StatefulSet's <c>spec.serviceName</c> (which the controller sets as its pods'
/// subdomain): a headless Service of that name gives the pods per-pod DNS names.
/// </param>
public sealed record Workload(
    WorkloadKind Kind,
    string Namespace,
    string Name,
    ImmutableSortedDictionary<string, string> Labels,
    ImmutableArray<ContainerPort> Ports,
    int Replicas,
    bool HostNetwork,
    ImmutableArray<string> PodNames,
    ImmutableArray<IPAddress> PodIps,
    SourceSpan Span,
    bool EnableServiceLinks = true,
    string? Hostname = null,
    string? Subdomain = null)
{
    public ObjectRef Ref => new(Kind.ToString(), Namespace, Name);

    /// <summary>
    /// Whether PolicyCheck assumed this workload because the inputs lack it (the standard CoreDNS pods of the cluster
    /// DNS, see <c>ClusterDns.WithDns</c>); false for everything the inputs define.
    /// </summary>
    public bool IsAssumed { get; init; }

    /// <summary>
    /// For a subject that holds only some of a controller's pods, because selectors tell its pods apart, the controller
    /// (its <see cref="Kind"/> and namespace, with the controller's name); null for a subject holding all of them.
    /// <see cref="Name"/> then names the part: a pod (<c>db-0</c>), a ReplicaSet (<c>web-7d9f</c>), the controller
    /// itself for the largest remaining part, or a list of pods.
    /// </summary>
    public ObjectRef? Controller { get; init; }

    /// <summary>
    /// The custom resource (<c>Prometheus monitoring/k8s</c>) whose operator creates this workload, when it was built
    /// from the operator catalogue (docs/operators.md); null for everything the inputs define directly.
    /// </summary>
    public ObjectRef? CreatedFrom { get; init; }

    /// <summary>
    /// Whether the workload has two or more pods (declared replicas or loaded pods), so that traffic between two of
    /// its pods exists and is governed by the policies like any pair; a pod to itself is always allowed.
    /// </summary>
    public bool HasSeveralPods => Math.Max(Replicas, PodNames.Length) >= 2;

    /// <summary>The matrix identifier: <c>ns/name</c> (the kind is shown beside it, not in it).</summary>
    public string Id => $"{Namespace}/{Name}";
}
