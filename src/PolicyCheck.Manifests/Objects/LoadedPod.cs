using System.Collections.Immutable;
using System.Net;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Manifests.Objects;

/// <summary>A Pod manifest as read; <paramref name="Phase"/> is <c>status.phase</c> (null when absent).</summary>
internal sealed record LoadedPod(
    string Namespace,
    string Name,
    PodTemplate Template,
    OwnerReference? Controller,
    ImmutableArray<IPAddress> Ips,
    string? Phase,
    SourceSpan Span)
{
    public ObjectRef Ref => new(nameof(WorkloadKind.Pod), Namespace, Name);

    /// <summary>Pods that ran to completion hold no address and receive no traffic.</summary>
    public bool IsFinished => Phase is "Succeeded" or "Failed";
}
