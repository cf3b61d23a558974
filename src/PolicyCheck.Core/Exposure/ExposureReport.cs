using System.Collections.Immutable;
using PolicyCheck.Core.Engine;

namespace PolicyCheck.Core.Exposure;

/// <summary>The result of <see cref="ExposureAnalysis.Analyze(ReachabilityMatrix, IEnumerable{int}, CancellationToken)"/>: one entry per analysed workload, in the order asked.</summary>
/// <param name="Matrix">The matrix the entries' subject indices refer to.</param>
/// <param name="Workloads">How many workload subjects the cluster has (the callers "the whole cluster" means).</param>
/// <param name="Namespaces">How many namespaces hold at least one workload.</param>
/// <param name="OutsideSubjects">How many external subjects ("outside addresses") there are.</param>
public sealed record ExposureReport(
    ReachabilityMatrix Matrix,
    ImmutableArray<SubjectExposure> Subjects,
    int Workloads,
    int Namespaces,
    int OutsideSubjects);
