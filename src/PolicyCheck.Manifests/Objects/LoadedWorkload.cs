using PolicyCheck.Core.Model;

namespace PolicyCheck.Manifests.Objects;

/// <summary>A workload manifest as read, before pods are grouped under it.</summary>
internal sealed record LoadedWorkload(
    WorkloadKind Kind,
    string Namespace,
    string Name,
    PodTemplate Template,
    int Replicas,
    OwnerReference? Controller,
    SourceSpan Span)
{
    public ObjectRef Ref => new(Kind.ToString(), Namespace, Name);

    /// <summary>A StatefulSet's <c>spec.ordinals.start</c>: its pods are numbered from here (default 0).</summary>
    public int OrdinalStart { get; init; }

    /// <summary><c>metadata.uid</c> when written (live objects have it), which a Job puts on its pods; else null.</summary>
    public string? Uid { get; init; }
}
