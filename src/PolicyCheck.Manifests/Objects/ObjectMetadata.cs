using System.Collections.Immutable;

namespace PolicyCheck.Manifests.Objects;

/// <summary>The parts of <c>metadata</c> the loader uses; <paramref name="Namespace"/> is empty for cluster-scoped kinds.</summary>
internal sealed record ObjectMetadata(
    string Name,
    string Namespace,
    ImmutableSortedDictionary<string, string> Labels,
    OwnerReference? Controller);
