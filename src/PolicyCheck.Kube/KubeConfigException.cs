namespace PolicyCheck.Kube;

/// <summary>The kubeconfig or in-cluster setup cannot be used. The message is safe to print: it names files, lines and
/// keys, never a credential.</summary>
public class KubeConfigException : Exception
{
    public KubeConfigException()
    {
    }

    public KubeConfigException(string message)
        : base(message)
    {
    }

    public KubeConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
