using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Engine;

/// <summary>Computes the reachability matrix of a cluster exactly as networking.k8s.io/v1 NetworkPolicy defines it.</summary>
public static class Evaluator
{
    public static ReachabilityMatrix Evaluate(
        Cluster cluster,
        EvaluationOptions? options = null,
        IProgress<AnalysisProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return new EvaluationRun(cluster, options ?? EvaluationOptions.Default, progress, cancellationToken).Run();
    }
}
