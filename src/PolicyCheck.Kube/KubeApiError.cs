namespace PolicyCheck.Kube;

/// <summary>Why a request to the API server failed.</summary>
public enum KubeApiError
{
    /// <summary>401: the credentials were rejected.</summary>
    Unauthorized,

    /// <summary>403: RBAC does not grant the verb on the resource.</summary>
    Forbidden,

    /// <summary>The TLS handshake failed: unknown CA, name mismatch, client certificate refused.</summary>
    Tls,

    /// <summary>No connection: refused, unknown host, network unreachable.</summary>
    Unreachable,

    /// <summary>A request took longer than the timeout.</summary>
    Timeout,

    /// <summary>5xx or 429 after the retries, 410 after the restarts, or an answer that is not a Kubernetes list.</summary>
    Server,

    /// <summary>404: the resource type or object does not exist on this server.</summary>
    NotFound,
}
