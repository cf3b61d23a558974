namespace PolicyCheck.Core.Services;

/// <summary>Whether a client's connection to a service port would be let through to one backend.</summary>
public enum BackendOutcome
{
    /// <summary>The policies allow the client to reach the backend on the resolved targetPort.</summary>
    Allowed,

    /// <summary>The policies do not allow it (or the service is not reachable from where the client is).</summary>
    Denied,

    /// <summary>
    /// Source-NATed external traffic (<c>externalTrafficPolicy: Cluster</c>) that only ipBlock rules could admit: it
    /// arrives from a node address, so the answer depends on the nodes' addresses, which the manifests do not give.
    /// </summary>
    DependsOnNodeAddresses,

    /// <summary>A named targetPort that this backend does not define: the backend is not an endpoint for the port.</summary>
    TargetPortUnresolved,
}
