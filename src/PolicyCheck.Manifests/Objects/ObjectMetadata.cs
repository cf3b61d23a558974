using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Manifests.Objects;

/// <summary>
/// The parts of <c>metadata</c> the loader uses; <paramref name="Namespace"/> is empty for cluster-scoped kinds.
/// <paramref name="NameSpan"/> is where <c>metadata.name</c> is written; <paramref name="Suppression"/> is the
/// object's <c>policycheck.io/ignore</c> annotation.
/// </summary>
internal sealed record ObjectMetadata(
    string Name,
    string Namespace,
    ImmutableSortedDictionary<string, string> Labels,
    OwnerReference? Controller,
    SourceSpan NameSpan,
    ObjectSuppression? Suppression);
