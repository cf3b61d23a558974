namespace PolicyCheck.Kube;

/// <summary>
/// How to reach the cluster: <paramref name="Kubeconfig"/> is <c>--kubeconfig</c> (else <c>KUBECONFIG</c>, else
/// <c>~/.kube/config</c>), <paramref name="Context"/> is <c>--context</c>. <paramref name="InCluster"/> uses the pod's
/// service account. <paramref name="Timeout"/> bounds each HTTP request (default 30 s). <paramref name="VerboseLog"/>
/// receives one line per request (method, URL, status, time), never a credential. <paramref name="Environment"/>
/// replaces the process environment for every variable the client reads (tests).
/// </summary>
public sealed record KubeConnectionOptions(
    string? Kubeconfig = null,
    string? Context = null,
    bool InCluster = false,
    TimeSpan? Timeout = null,
    TextWriter? VerboseLog = null,
    IReadOnlyDictionary<string, string?>? Environment = null)
{
    public const string DefaultServiceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount";

    /// <summary>Items per LIST page (<c>limit</c>).</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>Retries of a request answered 429 or 5xx, with exponential backoff.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>The first backoff delay; each retry doubles it (capped at 10 s) unless the server sends Retry-After.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Where the in-cluster token, ca.crt and namespace files are.</summary>
    public string ServiceAccountDirectory { get; init; } = DefaultServiceAccountDirectory;

    internal string? Variable(string name) =>
        Environment is null ? System.Environment.GetEnvironmentVariable(name) : Environment.GetValueOrDefault(name);
}
