using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PolicyCheck.TestKit.FakeKubeApi;

/// <summary>
/// A real HTTPS Kubernetes API endpoint on 127.0.0.1, in the test process (Kestrel), for the read-only client.
/// <para>
/// It serves LIST for namespaces, pods, services (<c>/api/v1/…</c>), endpointslices (<c>/apis/discovery.k8s.io/v1/…</c>)
/// and networkpolicies (<c>/apis/networking.k8s.io/v1/…</c>), all namespaces or <c>/namespaces/{ns}/…</c>, and GET of
/// one namespace. Answers look like a real API server's: <c>kind: PodList</c>, <c>metadata.resourceVersion</c>, items
/// without apiVersion and kind, sorted by namespace and name, paged by <c>limit</c> with an opaque
/// <c>metadata.continue</c> token; errors are <c>kind: Status</c> bodies with the real reasons and messages
/// (Unauthorized, Forbidden "User \"u\" cannot list resource …", Expired, TooManyRequests with Retry-After,
/// InternalError). <see cref="FakeKubeApiBuilder.Answer"/> serves raw bodies, as a broken server or proxy would.
/// </para>
/// <para>
/// Authentication as the API server does it: a client certificate issued by <see cref="Authority"/> (the user is its
/// CN), a bearer token or basic auth; without an accepted credential every request gets 401. The server certificate
/// is for 127.0.0.1, localhost and kubernetes.default.svc.
/// </para>
/// <example><code>
/// await using var api = await FakeKubeApi.Create()
///     .WithObject("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"shop"}}""")
///     .AcceptToken("s3cret", user: "alice")
///     .Fail("pods", 429, times: 2, retryAfter: TimeSpan.FromSeconds(1))
///     .ExpireContinueTokens("pods", times: 1)
///     .Forbid("list", "networkpolicies", ns: "shop")
///     .StartAsync();
/// // kubeconfig: server = api.Server, certificate-authority-data = api.Authority.CertificateData
/// Assert.That(api.Requests.Count(r => r.Path == "/api/v1/pods"), Is.EqualTo(4));
/// </code></example>
/// </summary>
public sealed class FakeKubeApi : IAsyncDisposable
{
    private static readonly Dictionary<string, (string Kind, string ApiVersion, bool Namespaced)> Resources = new(StringComparer.Ordinal)
    {
        ["namespaces"] = ("Namespace", "v1", false),
        ["pods"] = ("Pod", "v1", true),
        ["services"] = ("Service", "v1", true),
        ["endpointslices"] = ("EndpointSlice", "discovery.k8s.io/v1", true),
        ["networkpolicies"] = ("NetworkPolicy", "networking.k8s.io/v1", true),
    };

    private readonly WebApplication _app;
    private readonly FakeKubeApiBuilder _settings;
    private readonly ConcurrentQueue<FakeKubeRequest> _requests = new();
    private readonly string _resourceVersion = "48213";

    private FakeKubeApi(WebApplication app, FakeKubeApiBuilder settings, TestCertificateAuthority authority)
    {
        _app = app;
        _settings = settings;
        Authority = authority;
    }

    /// <summary><c>https://127.0.0.1:PORT</c>.</summary>
    public Uri Server { get; private set; } = null!; // set by StartAsync before the instance is returned

    /// <summary>The CA that issued the server certificate; also issues client certificates the server accepts.</summary>
    public TestCertificateAuthority Authority { get; }

    /// <summary>Every request answered, in order.</summary>
    public IReadOnlyList<FakeKubeRequest> Requests => [.. _requests];

    public static FakeKubeApiBuilder Create() => new();

    /// <summary>
    /// A kubeconfig for this server with one context (current) whose user authenticates with
    /// <paramref name="token"/>; write it to a file and pass it as <c>--kubeconfig</c>.
    /// </summary>
    public string Kubeconfig(string token, string context = "fake") => $"""
        apiVersion: v1
        kind: Config
        current-context: {context}
        clusters:
        - name: {context}
          cluster:
            server: {Server.AbsoluteUri.TrimEnd('/')}
            certificate-authority-data: {Authority.CertificateData}
        contexts:
        - name: {context}
          context:
            cluster: {context}
            user: {context}-user
        users:
        - name: {context}-user
          user:
            token: {token}
        """;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal static string PluralOf(JsonObject obj)
    {
        var kind = obj["kind"]?.GetValue<string>();
        foreach (var (plural, resource) in Resources)
        {
            if (resource.Kind == kind)
                return plural;
        }

        throw new ArgumentException($"FakeKubeApi serves Namespace, Pod, Service, EndpointSlice and NetworkPolicy, not '{kind}'.");
    }

    internal static async Task<FakeKubeApi> StartAsync(FakeKubeApiBuilder settings)
    {
        var authority = settings.Authority ?? TestCertificateAuthority.Shared;
        var serverCertificate = authority.IssueServer(settings.DnsNames, [IPAddress.Loopback]);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(https =>
        {
            https.ServerCertificate = serverCertificate;
            https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
            https.AllowAnyClientCertificate(); // checked per request against the CA, as the API server's x509 authenticator does
        })));
        var app = builder.Build();
        var api = new FakeKubeApi(app, settings, authority);
        app.Run(api.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First(); // Kestrel always has this feature;
        api.Server = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return api;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var pathAndQuery = request.Path.Value + request.QueryString.Value;
        var user = Authenticate(context);
        int status;
        if (!HttpMethods.IsGet(request.Method))
            status = await WriteStatusAsync(context, 405, "MethodNotAllowed", $"the server does not allow this method on the requested resource");
        else if (user is null)
            status = await WriteStatusAsync(context, 401, "Unauthorized", "Unauthorized");
        else
            status = await ServeAsync(context, user);
        _requests.Enqueue(new FakeKubeRequest(request.Method, pathAndQuery, status, user));
    }

    private string? Authenticate(HttpContext context)
    {
        if (_settings.ClientCertificates && context.Connection.ClientCertificate is { } certificate && Authority.Issued(certificate))
            return certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);

        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.Ordinal) && _settings.Tokens.TryGetValue(header[7..].Trim(), out var user))
            return user;
        if (header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && _settings.Passwords.TryGetValue(pair[..colon], out var password) && password == pair[(colon + 1)..])
                    return pair[..colon];
            }
            catch (FormatException)
            {
            }
        }

        return null;
    }

    private async Task<int> ServeAsync(HttpContext context, string user)
    {
        if (!TryRoute(context.Request.Path.Value ?? string.Empty, out var plural, out var ns, out var name))
            return await WriteStatusAsync(context, 404, "NotFound", "the server could not find the requested resource");

        var verb = name is null ? "list" : "get";
        var (kind, apiVersion, namespaced) = Resources[plural];
        var group = apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion.Split('/')[0] : string.Empty;
        if (_settings.Delays.TryGetValue(plural, out var delay))
            await Task.Delay(delay, context.RequestAborted);

        var forbidden = _settings.Forbidden.Any(f => f.Verb == verb && f.Plural == plural && (f.Namespace is null || f.Namespace == ns));
        if (forbidden)
        {
            var scope = ns is not null && namespaced ? $"in the namespace \"{ns}\"" : "at the cluster scope";
            var qualified = group.Length == 0 ? plural : $"{plural}.{group}";
            var subject = name is null ? qualified : $"{qualified} \"{name}\"";
            return await WriteStatusAsync(context, 403, "Forbidden",
                $"{subject} is forbidden: User \"{user}\" cannot {verb} resource \"{plural}\" in API group \"{group}\" {scope}",
                new JsonObject { ["group"] = group, ["kind"] = plural, ["name"] = name });
        }

        var hasContinue = context.Request.Query.ContainsKey("continue");
        foreach (var fault in _settings.Faults)
        {
            if (fault.Plural != plural || (fault.OnlyWithContinue && !hasContinue) || !fault.TryTake())
                continue;
            if (fault.RetryAfter is { } retryAfter)
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return fault.Status switch
            {
                410 => await WriteStatusAsync(context, 410, "Expired",
                    "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter."),
                429 => await WriteStatusAsync(context, 429, "TooManyRequests", "Too many requests, please try again later.",
                    new JsonObject { ["retryAfterSeconds"] = (int)Math.Ceiling((fault.RetryAfter ?? TimeSpan.FromSeconds(1)).TotalSeconds) }),
                503 => await WriteStatusAsync(context, 503, "ServiceUnavailable", "the server is currently unable to handle the request"),
                var other => await WriteStatusAsync(context, other, "InternalError", "Internal error occurred: etcdserver: request timed out"),
            };
        }

        if (_settings.Answers.TryGetValue(plural, out var answer))
            return await WriteRawAsync(context, answer.Body(context.Request.Path.Value + context.Request.QueryString.Value), answer.Gzip);

        var matching = _settings.Objects
            .Where(o => PluralOf(o) == plural && (ns is null || !namespaced || Namespace(o) == ns))
            .OrderBy(Namespace, StringComparer.Ordinal).ThenBy(Name, StringComparer.Ordinal)
            .ToList();

        if (name is not null)
        {
            var found = matching.FirstOrDefault(o => Name(o) == name);
            if (found is null)
                return await WriteStatusAsync(context, 404, "NotFound", $"{plural} \"{name}\" not found", new JsonObject { ["name"] = name, ["kind"] = plural });
            var single = Served(found, withType: true);
            return await WriteJsonAsync(context, 200, single);
        }

        var offset = 0;
        if (hasContinue && !TryReadContinue(context.Request.Query["continue"].ToString(), plural, out offset))
            return await WriteStatusAsync(context, 400, "BadRequest", "continue key is not valid: illegal base64 data");
        var limit = int.TryParse(context.Request.Query["limit"].ToString(), out var l) && l > 0 ? l : int.MaxValue;
        var page = matching.Skip(offset).Take(limit).ToList();
        var metadata = new JsonObject { ["resourceVersion"] = _resourceVersion };
        var nextOffset = offset + page.Count;
        if (nextOffset < matching.Count)
        {
            metadata["continue"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"v\":\"meta.k8s.io/v1\",\"rv\":{_resourceVersion},\"start\":\"{plural}/{nextOffset}\"}}"));
            metadata["remainingItemCount"] = matching.Count - nextOffset;
        }

        var list = new JsonObject
        {
            ["kind"] = kind + "List",
            ["apiVersion"] = apiVersion,
            ["metadata"] = metadata,
            ["items"] = new JsonArray([.. page.Select(o => (JsonNode)Served(o, withType: false))]),
        };
        return await WriteJsonAsync(context, 200, list);
    }

    /// <summary>Parses <c>/api/v1[/namespaces/NS]/PLURAL</c>, <c>/apis/G/V[/namespaces/NS]/PLURAL</c> and <c>/api/v1/namespaces/NAME</c>.</summary>
    private static bool TryRoute(string path, out string plural, out string? ns, out string? name)
    {
        plural = string.Empty;
        ns = null;
        name = null;
        var parts = path.Trim('/').Split('/');
        string[] rest;
        string apiVersion;
        if (parts.Length >= 3 && parts[0] == "api" && parts[1] == "v1")
        {
            apiVersion = "v1";
            rest = parts[2..];
        }
        else if (parts.Length >= 4 && parts[0] == "apis")
        {
            apiVersion = $"{parts[1]}/{parts[2]}";
            rest = parts[3..];
        }
        else
        {
            return false;
        }

        switch (rest.Length)
        {
            case 1:
                plural = rest[0];
                break;
            case 2 when rest[0] == "namespaces" && apiVersion == "v1":
                plural = "namespaces";
                name = rest[1];
                break;
            case 3 when rest[0] == "namespaces":
                ns = rest[1];
                plural = rest[2];
                break;
            default:
                return false;
        }

        return Resources.TryGetValue(plural, out var resource) && resource.ApiVersion == apiVersion && (ns is null || resource.Namespaced);
    }

    private static bool TryReadContinue(string token, string plural, out int offset)
    {
        offset = 0;
        try
        {
            var json = JsonNode.Parse(Convert.FromBase64String(token));
            var start = json?["start"]?.GetValue<string>() ?? string.Empty;
            var prefix = plural + "/";
            return start.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(start[prefix.Length..], out offset);
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The object as the server returns it: list items carry no apiVersion and kind; metadata gets a uid,
    /// resourceVersion and creationTimestamp when the test did not set them.</summary>
    private static JsonObject Served(JsonObject obj, bool withType)
    {
        var copy = (JsonObject)obj.DeepClone();
        if (!withType)
        {
            copy.Remove("apiVersion");
            copy.Remove("kind");
        }

        if (copy["metadata"] is JsonObject metadata)
        {
            var key = $"{Namespace(obj)}/{Name(obj)}/{obj["kind"]}";
            metadata["uid"] ??= new Guid(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16)).ToString();
            metadata["resourceVersion"] ??= "40000";
            metadata["creationTimestamp"] ??= "2026-01-05T10:00:00Z";
        }

        return copy;
    }

    private static string Namespace(JsonObject obj) => obj["metadata"]?["namespace"]?.GetValue<string>() ?? string.Empty;

    private static string Name(JsonObject obj) => obj["metadata"]?["name"]?.GetValue<string>() ?? string.Empty;

    private static async Task<int> WriteStatusAsync(HttpContext context, int code, string reason, string message, JsonObject? details = null)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
        };
        if (details is not null)
            status["details"] = details;
        status["code"] = code;
        return await WriteJsonAsync(context, code, status);
    }

    private static async Task<int> WriteRawAsync(HttpContext context, string body, bool gzip)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(body);
        if (gzip && context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            using var compressed = new MemoryStream();
            using (var zip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
                zip.Write(bytes);
            bytes = compressed.ToArray();
            context.Response.Headers.ContentEncoding = "gzip";
        }

        await context.Response.Body.WriteAsync(bytes, context.RequestAborted); // no Content-Length: Kestrel sends it chunked
        return 200;
    }

    private static async Task<int> WriteJsonAsync(HttpContext context, int code, JsonObject body)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
        return code;
    }
}
