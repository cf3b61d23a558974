using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyCheck.Kube.Config;
using PolicyCheck.Kube.Http;

namespace PolicyCheck.Kube;

/// <summary>
/// A read-only client for one cluster: it only sends GET requests. LISTs are paged with <c>limit</c> and
/// <c>continue</c> (a bounded number of pages, each token once), and start again when the server says the continue
/// token expired (410 Gone).
/// </summary>
public sealed class KubeClient : IDisposable
{
    /// <summary>How often a LIST starts again after its continue token expired before giving up.</summary>
    public const int MaxListRestarts = 3;

    private readonly KubeTransport _transport;
    private readonly KubeConnectionOptions _options;

    private KubeClient(ConnectionPlan plan, KubeConnectionOptions options)
    {
        Plan = plan;
        _options = options;
        _transport = new KubeTransport(plan, options);
        options.VerboseLog?.WriteLine($"context '{plan.ContextName}': server {plan.Cluster.Server}, {plan.Authenticator.Method}");
    }

    public string ContextName => Plan.ContextName;

    public Uri Server => Plan.Cluster.Server;

    /// <summary>How the client authenticates, for messages: never a credential, only its kind and source.</summary>
    public string AuthMethod => Plan.Authenticator.Method;

    /// <summary>The pod's namespace when running in-cluster, else null.</summary>
    public string? InClusterNamespace => Plan.ContextName == InClusterConfig.ContextName ? InClusterConfig.Namespace(_options) : null;

    internal ConnectionPlan Plan { get; }

    /// <summary>
    /// Connects as the kubeconfig says, or as the pod's service account when <see cref="KubeConnectionOptions.InCluster"/>
    /// is set or no kubeconfig exists inside a pod. Throws <see cref="KubeConfigException"/> with a printable message.
    /// </summary>
    public static KubeClient Create(KubeConnectionOptions options) => Create(options, TimeProvider.System);

    internal static KubeClient Create(KubeConnectionOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.InCluster)
            return new KubeClient(InClusterConfig.Load(options, time), options);

        var files = KubeconfigLoader.Files(options);
        if (files.IsEmpty)
        {
            if (InClusterConfig.IsAvailable(options))
                return new KubeClient(InClusterConfig.Load(options, time), options);
            throw new KubeConfigException(
                "No kubeconfig found: pass --kubeconfig, set KUBECONFIG, or create ~/.kube/config (inside a pod, the service account is used).");
        }

        return new KubeClient(KubeconfigLoader.Load(files, options.Context, time), options);
    }

    /// <summary>
    /// Every object of <paramref name="resource"/> in namespace <paramref name="ns"/> (null: all), with apiVersion and kind
    /// set. An item that is not an object, a continue token the server hands out twice, or more pages than
    /// <see cref="KubeConnectionOptions.MaxListPages"/> fail the list: nothing is dropped and no loop is endless.
    /// </summary>
    public async Task<IReadOnlyList<JsonObject>> ListAsync(KubeResource resource, string? ns, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(resource);
        for (var restart = 0; ; restart++)
        {
            var items = new List<JsonObject>();
            var tokens = new HashSet<string>(StringComparer.Ordinal);
            string? next = null;
            try
            {
                for (var pages = 1; ; pages++)
                {
                    var query = $"?limit={_options.PageSize}" + (next is null ? string.Empty : "&continue=" + Uri.EscapeDataString(next));
                    var request = new ApiRequest(resource.Path(ns) + query, "list", resource, ns);
                    var page = await _transport.GetAsync(request, ct);
                    items.AddRange(Items(page, request, pages, items.Count));
                    next = page["metadata"]?["continue"] is JsonValue value && value.TryGetValue<string>(out var token) && token.Length > 0 ? token : null;
                    if (next is null)
                        return items;
                    if (!tokens.Add(next))
                    {
                        throw new KubeApiException(KubeApiError.Server,
                            $"{request.Location(ContextName)}: listing {resource.QualifiedName} did not finish: page {pages} handed out a continue " +
                            "token the server had already given, so the list would never end; the API server (or a proxy in front of it) is not paging correctly.");
                    }

                    if (pages >= _options.MaxListPages)
                    {
                        throw new KubeApiException(KubeApiError.Server,
                            $"{request.Location(ContextName)}: listing {resource.QualifiedName} did not finish within {_options.MaxListPages} pages of " +
                            $"{_options.PageSize} items ({items.Count} items so far, and the server still hands out continue tokens); the server is " +
                            "not paging correctly, or read one namespace at a time with --namespace.");
                    }
                }
            }
            catch (ContinueExpiredException) when (restart < MaxListRestarts)
            {
                _options.VerboseLog?.WriteLine($"the continue token of {resource.QualifiedName} expired; listing again from the start");
            }
            catch (ContinueExpiredException)
            {
                throw new KubeApiException(KubeApiError.Server,
                    $"Listing {resource.QualifiedName} did not finish: the continue token expired {MaxListRestarts + 1} times (410 Gone); " +
                    "the cluster changes faster than it can be read, try again or read one namespace.")
                { StatusCode = 410 };
            }
        }
    }

    /// <summary>One object by name, or null when it does not exist (404).</summary>
    public async Task<JsonObject?> GetAsync(KubeResource resource, string? ns, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentException.ThrowIfNullOrEmpty(name);
        try
        {
            var path = $"{resource.Path(ns)}/{Uri.EscapeDataString(name)}";
            var obj = await _transport.GetAsync(new ApiRequest(path, "get", resource, ns), ct);
            return WithType(obj, resource);
        }
        catch (KubeApiException ex) when (ex.Kind == KubeApiError.NotFound)
        {
            return null;
        }
    }

    public void Dispose()
    {
        _transport.Dispose();
        Plan.Authenticator.Dispose();
    }

    /// <summary>The items of one page; <paramref name="before"/> items came on the pages before.</summary>
    private List<JsonObject> Items(JsonObject page, ApiRequest request, int pageNumber, int before)
    {
        var resource = request.Resource;
        if (page["items"] is null)
            return [];
        if (page["items"] is not JsonArray items)
            throw new KubeApiException(KubeApiError.Server, $"{request.Location(ContextName)}: the API server's {resource.Kind}List has 'items' that is not a list.");
        var objects = new List<JsonObject>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject obj)
            {
                var what = items[i]?.GetValueKind() switch
                {
                    null => "null",
                    JsonValueKind.Array => "a list",
                    JsonValueKind.String => "a string",
                    JsonValueKind.Number => "a number",
                    _ => "a boolean",
                };
                throw new KubeApiException(KubeApiError.Server,
                    $"{request.Location(ContextName)}: item {before + i + 1} of the {resource.Kind}List (items[{i}] of page {pageNumber}, " +
                    $"GET {request.PathAndQuery}) is {what}, not an object; the answer cannot be used, and leaving the item out would hide an object.");
            }

            objects.Add(WithType(obj, resource));
        }

        return objects;
    }

    /// <summary>List items come without apiVersion and kind; put them first, as in a manifest.</summary>
    private static JsonObject WithType(JsonObject obj, KubeResource resource)
    {
        var typed = new JsonObject { ["apiVersion"] = resource.ApiVersion, ["kind"] = resource.Kind };
        foreach (var (key, value) in obj.ToList())
        {
            if (key is "apiVersion" or "kind")
                continue;
            obj.Remove(key);
            typed[key] = value;
        }

        return typed;
    }
}
