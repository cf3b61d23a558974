namespace PolicyCheck.Core.Engine;

/// <summary>The network plugin profiles <see cref="EvaluationOptions.For"/> knows (docs/semantics.md).</summary>
public enum NetworkPlugin
{
    Generic,
    Calico,
    Cilium,
    Antrea,
    OvnKubernetes,
}
