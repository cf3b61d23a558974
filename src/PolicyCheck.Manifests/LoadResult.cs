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

    /// <summary>
    /// True when the results cannot be whole: an input error (<see cref="HasErrors"/>), or a policy of a kind
    /// PolicyCheck does not evaluate whose warning (<see cref="LoadDiagnostics.UnevaluatedPolicy"/>) was not
    /// acknowledged and so removed from <see cref="Diagnostics"/>.
    /// </summary>
    public bool IsIncomplete => HasErrors || Diagnostics.Any(d => d.Descriptor.Id == LoadDiagnostics.UnevaluatedPolicy.Id);

    /// <summary>Every named object read, in input order, with its spans and suppression annotation.</summary>
    public ImmutableArray<ObjectLocation> Objects { get; init; } = [];

    /// <summary>The <c>policycheck.io/ignore</c> annotations of <see cref="Objects"/>.</summary>
    public IEnumerable<ObjectSuppression> Suppressions => Objects.Select(o => o.Suppression).OfType<ObjectSuppression>();

    /// <summary>The innermost object whose span holds <paramref name="span"/>, or null (a file-level or spanless diagnostic).</summary>
    /// <remarks>One lookup; for many, build an <see cref="ObjectIndex"/> of <see cref="Objects"/> once.</remarks>
    public ObjectLocation? ObjectAt(SourceSpan span) => new ObjectIndex(Objects).At(span);
}
