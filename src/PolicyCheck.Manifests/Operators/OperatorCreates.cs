namespace PolicyCheck.Manifests.Operators;

/// <summary>What an operator makes of one custom resource of an <see cref="OperatorEntry"/>'s kind.</summary>
public enum OperatorCreates
{
    /// <summary>A StatefulSet per shard, whose pods share one label set.</summary>
    StatefulSet,

    /// <summary>Pods it owns directly (no Kubernetes controller), each with its own name and labels.</summary>
    Pods,

    /// <summary>No pods: the kind configures the operator (a ServiceMonitor, a PrometheusRule).</summary>
    Nothing,
}
