using System.Text.Json.Nodes;

namespace PolicyCheck.Kube;

/// <summary>A read-only client for one cluster: only GET requests, LISTs paged with <c>limit</c> and <c>continue</c>.</summary>
public sealed class KubeClient : IDisposable
{
    private KubeClient(string contextName, Uri server)
    {
        ContextName = contextName;
        Server = server;
    }

    public string ContextName { get; }

    public Uri Server { get; }

    /// <summary>Connects as the kubeconfig (or the pod's service account) says. Throws <see cref="KubeConfigException"/>.</summary>
    public static KubeClient Create(KubeConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        throw new KubeConfigException("not implemented yet");
    }

    /// <summary>Every object of <paramref name="resource"/>, in one namespace or (null) all, with apiVersion and kind set.</summary>
    public Task<IReadOnlyList<JsonObject>> ListAsync(KubeResource resource, string? ns, CancellationToken ct) =>
        throw new NotSupportedException();

    /// <summary>One object by name, or null when it does not exist.</summary>
    public Task<JsonObject?> GetAsync(KubeResource resource, string? ns, string name, CancellationToken ct) =>
        throw new NotSupportedException();

    public void Dispose()
    {
    }
}
