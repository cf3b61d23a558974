namespace PolicyCheck.Core.Services;

/// <summary>How a client's traffic enters a service.</summary>
public enum ServiceRoute
{
    /// <summary>From a pod in the cluster, through the cluster IP (or, headless, straight to the pod IPs).</summary>
    InCluster,

    /// <summary>From outside, through a node port or the load balancer, keeping the client address (<c>Local</c>).</summary>
    ExternalLocal,

    /// <summary>From outside, through a node port or the load balancer, source-NATed to a node address (<c>Cluster</c>).</summary>
    ExternalCluster,

    /// <summary>The service offers no way in from where the client is (an outside client and a ClusterIP service).</summary>
    Unreachable,
}
