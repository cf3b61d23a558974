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
}
