namespace PolicyCheck.Kube;

/// <summary>
/// How to reach the cluster: <paramref name="Kubeconfig"/> is <c>--kubeconfig</c> (else <c>KUBECONFIG</c>, else
/// <c>~/.kube/config</c>), <paramref name="Context"/> is <c>--context</c>. <paramref name="InCluster"/> uses the pod's
/// service account. <paramref name="Timeout"/> is the deadline of each request (default 30 s): its attempts, retries and
/// Retry-After waits together must finish within it. <paramref name="VerboseLog"/>
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

    /// <summary>
    /// The most bytes one API answer may hold, counted as they arrive (after gzip decompression; Content-Length is
    /// not trusted); default <see cref="ReadLimits.DefaultResponseBytes"/> (256 MiB). A LIST reads one page of
    /// <see cref="PageSize"/> items per answer, so only pages of huge objects come near it.
    /// </summary>
    public long MaxResponseBytes { get; init; } = ReadLimits.DefaultResponseBytes;

    /// <summary>The most pages one LIST may take (default 10,000, i.e. 5 million items at the default page size); a
    /// server that hands out continue tokens beyond it is treated as broken rather than followed forever.</summary>
    public int MaxListPages { get; init; } = 10_000;

    /// <summary>Retries of a request answered 429 or 5xx, with exponential backoff, within <see cref="Timeout"/>.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>The first backoff delay; each retry doubles it (capped at 10 s) unless the server sends Retry-After. A wait
    /// that would end past the request's deadline (<see cref="Timeout"/>) is not taken: the request fails at once.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Where the in-cluster token, ca.crt and namespace files are.</summary>
    public string ServiceAccountDirectory { get; init; } = DefaultServiceAccountDirectory;

    internal string? Variable(string name) =>
        Environment is null ? System.Environment.GetEnvironmentVariable(name) : Environment.GetValueOrDefault(name);
}
