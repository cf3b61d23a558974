using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Manifests;

/// <summary>
/// The cluster built from every object that loaded, with a diagnostic for each problem found. Objects with errors
/// are left out of <paramref name="Cluster"/>; everything else still loads.
/// </summary>
public sealed record LoadResult(Cluster Cluster, ImmutableArray<Diagnostic> Diagnostics, LoadStatistics Statistics)
{
    /// <summary>True when any diagnostic is an error, so the cluster is missing something the inputs meant.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
