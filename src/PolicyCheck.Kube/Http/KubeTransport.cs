using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyCheck.Kube.Config;

namespace PolicyCheck.Kube.Http;

/// <summary>
/// GET requests to one API server: credentials, TLS checks, one deadline per request, bounded retries of 429 and
/// 5xx with exponential backoff (honouring Retry-After) within that deadline, answers read up to a size limit, one
/// credential refresh after a 401, and errors that say what to fix. The verbose log gets method, URL, status and time only: no header, body or credential.
/// </summary>
internal sealed class KubeTransport : IDisposable
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);
    private const int MaxMessage = 300;

    private readonly ConnectionPlan _plan;
    private readonly KubeConnectionOptions _options;
    private readonly TimeSpan _timeout;
    private readonly TlsVerifier _verifier;
    private readonly Dictionary<string, HttpMessageInvoker> _invokers = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public KubeTransport(ConnectionPlan plan, KubeConnectionOptions options)
    {
        _plan = plan;
        _options = options;
        _timeout = options.Timeout ?? TimeSpan.FromSeconds(30);
        _verifier = new TlsVerifier(plan.Cluster);
    }

    private Uri Server => _plan.Cluster.Server;

    public async Task<JsonObject> GetAsync(ApiRequest request, CancellationToken ct)
    {
        var refreshed = false;
        var deadline = Stopwatch.StartNew(); // the timeout is the whole request's: attempts, retries and waits
        for (var attempt = 0; ; attempt++)
        {
            var credentials = await _plan.Authenticator.AcquireAsync(ct);
            var url = new Uri(Server.AbsoluteUri.TrimEnd('/') + request.PathAndQuery);
            using var message = new HttpRequestMessage(HttpMethod.Get, url);
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            message.Headers.UserAgent.Add(new ProductInfoHeaderValue("policycheck", "0.1.0"));
            message.Headers.Authorization = credentials.Authorization;

            var left = _timeout - deadline.Elapsed;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
            var clock = Stopwatch.StartNew();
            int status;
            string reasonPhrase;
            byte[]? body;
            TimeSpan? retryAfter;
            try
            {
                // The invoker does not buffer the body: it is read below, counted as it arrives.
                using var response = await Invoker(credentials.ClientCertificate).SendAsync(message, timeout.Token);
                status = (int)response.StatusCode;
                reasonPhrase = response.ReasonPhrase ?? response.StatusCode.ToString();
                retryAfter = RetryAfter(response);
                var limit = status is >= 200 and < 300 ? _options.MaxResponseBytes : Math.Min(_options.MaxResponseBytes, ReadLimits.ErrorBodyBytes);
                body = response.Content.Headers.ContentLength > limit && response.Content.Headers.ContentEncoding.Count == 0
                    ? null
                    : await ReadLimits.ReadAsync(await response.Content.ReadAsStreamAsync(timeout.Token), limit, timeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                Log($"GET {url} timed out after {clock.ElapsedMilliseconds} ms");
                var tries = attempt == 0 ? string.Empty : $" ({attempt + 1} attempts)";
                throw new KubeApiException(KubeApiError.Timeout,
                    $"The API server {Server} did not answer GET {request.PathAndQuery} within {_timeout.TotalSeconds:0.###} s{tries} (context '{_plan.ContextName}').");
            }
            catch (HttpRequestException ex)
            {
                Log($"GET {url} failed after {clock.ElapsedMilliseconds} ms: {ex.HttpRequestError}");
                throw Translate(ex);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException)
            {
                Log($"GET {url} failed after {clock.ElapsedMilliseconds} ms while reading the answer");
                throw new KubeApiException(KubeApiError.Unreachable,
                    $"The answer of the API server {Server} to GET {request.PathAndQuery} broke off or cannot be decoded (context '{_plan.ContextName}').", ex);
            }

            Log($"GET {url} {status} {reasonPhrase} ({clock.ElapsedMilliseconds} ms)");
            if (body is null && status is >= 200 and < 300)
            {
                throw new KubeApiException(KubeApiError.Server,
                    $"{request.Location(_plan.ContextName)}: the API server's answer to GET {request.PathAndQuery} is larger than " +
                    $"{ReadLimits.Describe(_options.MaxResponseBytes)}, the limit of one answer (a page of " +
                    $"{_options.PageSize} items); read one namespace at a time with --namespace.")
                { StatusCode = status };
            }

            var text = body ?? [];
            switch (status)
            {
                case >= 200 and < 300:
                    return Parse(text, request);
                case 401 when !refreshed && _plan.Authenticator.Invalidate():
                    refreshed = true;
                    attempt--;
                    continue;
                case 401:
                    throw new KubeApiException(KubeApiError.Unauthorized,
                        $"The API server {Server} rejected the credentials (401 Unauthorized) of context '{_plan.ContextName}', " +
                        $"which used {_plan.Authenticator.Method}; they are wrong, expired or not accepted by this cluster.")
                    { StatusCode = status };
                case 403:
                    throw new KubeApiException(KubeApiError.Forbidden,
                        $"Forbidden: cannot {request.Verb} {request.Resource.QualifiedName} {request.Scope}: grant verb '{request.Verb}' on " +
                        $"resource '{request.Resource.Plural}' in API group '{request.Resource.Group}' {request.Scope} to the identity of " +
                        $"context '{_plan.ContextName}'{ServerSaid(text)}.")
                    { StatusCode = status };
                case 404:
                    throw new KubeApiException(KubeApiError.NotFound,
                        $"The API server has no {request.Resource.QualifiedName} at {request.PathAndQuery} (404 Not Found){ServerSaid(text)}.")
                    { StatusCode = status };
                case 410 when request.PathAndQuery.Contains("continue=", StringComparison.Ordinal):
                    throw new ContinueExpiredException();
                case 429 or >= 500 when attempt < _options.MaxRetries:
                    var delay = retryAfter ?? Backoff(attempt);
                    var remaining = _timeout - deadline.Elapsed;
                    if (delay >= remaining)
                    {
                        var asked = retryAfter is null
                            ? $"the next retry would start in {delay.TotalSeconds:0.###} s"
                            : $"it asked to retry after {delay.TotalSeconds:0.###} s (Retry-After)";
                        throw new KubeApiException(KubeApiError.Timeout,
                            $"The API server {Server} answered GET {request.PathAndQuery} with {status} {reasonPhrase}{ServerSaid(text)}; " +
                            $"{asked}, past the request's timeout of {_timeout.TotalSeconds:0.###} s " +
                            $"({Math.Max(0, remaining.TotalSeconds):0.###} s were left; context '{_plan.ContextName}').")
                        { StatusCode = status };
                    }

                    Log($"retrying in {delay.TotalMilliseconds:0} ms (attempt {attempt + 2} of {_options.MaxRetries + 1})");
                    await Task.Delay(delay, ct);
                    continue;
                default:
                    var times = status is 429 or >= 500 ? $" {attempt + 1} times" : string.Empty;
                    throw new KubeApiException(KubeApiError.Server,
                        $"The API server {Server} answered GET {request.PathAndQuery} with {status} {reasonPhrase}{times}{ServerSaid(text)}.")
                    { StatusCode = status };
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var invoker in _invokers.Values)
                invoker.Dispose();
            _invokers.Clear();
        }
    }

    private HttpMessageInvoker Invoker(X509Certificate2? certificate)
    {
        var key = certificate?.Thumbprint ?? string.Empty;
        lock (_lock)
        {
            if (_invokers.TryGetValue(key, out var existing))
                return existing;
            var handler = new SocketsHttpHandler
            {
                ConnectTimeout = _timeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AutomaticDecompression = DecompressionMethods.GZip,
                AllowAutoRedirect = false,
                UseCookies = false,
            };
            handler.SslOptions.RemoteCertificateValidationCallback = _verifier.Verify;
            if (certificate is not null)
                handler.SslOptions.ClientCertificates = [certificate];
            if (_plan.Cluster.ProxyUrl is { } proxy)
            {
                handler.Proxy = new WebProxy(proxy);
                handler.UseProxy = true;
            }

            var invoker = new HttpMessageInvoker(handler, disposeHandler: true);
            _invokers[key] = invoker;
            return invoker;
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var delay = _options.RetryDelay * Math.Pow(2, attempt);
        var jitter = 1 + (Random.Shared.NextDouble() * 0.2);
        return TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * jitter, MaxBackoff.TotalMilliseconds));
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (delay is null)
            return null;
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay; // no cap: the request's deadline bounds the wait
    }

    private KubeApiException Translate(HttpRequestException ex)
    {
        if (ex.InnerException is AuthenticationException || ex.HttpRequestError == HttpRequestError.SecureConnectionError)
        {
            var reason = _verifier.LastFailure ?? "the handshake failed (" + (ex.InnerException?.Message ?? ex.Message).TrimEnd('.') + ")";
            return new KubeApiException(KubeApiError.Tls,
                $"TLS connection to the API server {Server} (context '{_plan.ContextName}') failed: {reason}.", ex);
        }

        var socket = FindSocketError(ex);
        var what = socket switch
        {
            SocketError.ConnectionRefused => "the connection was refused (nothing listens on that port)",
            SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => $"the host name '{Server.Host}' cannot be resolved",
            SocketError.NetworkUnreachable or SocketError.HostUnreachable => "the network or host is unreachable",
            SocketError.TimedOut => "the connection timed out",
            SocketError.ConnectionReset => "the connection was reset",
            _ => ex.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => $"the host name '{Server.Host}' cannot be resolved",
                HttpRequestError.ProxyTunnelError => $"the proxy {_plan.Cluster.ProxyUrl} refused the tunnel",
                _ => $"the connection failed ({ex.HttpRequestError})",
            },
        };
        return new KubeApiException(KubeApiError.Unreachable,
            $"Cannot reach the API server {Server} (context '{_plan.ContextName}'): {what}.", ex);
    }

    private static SocketError? FindSocketError(Exception ex)
    {
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
                return socket.SocketErrorCode;
        }

        return null;
    }

    private JsonObject Parse(byte[] body, ApiRequest request)
    {
        DuplicateKey? duplicate;
        JsonNode? root;
        try
        {
            duplicate = DuplicateKey.Find(body);
            root = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            root = null;
            duplicate = null;
        }

        if (root is not JsonObject obj)
        {
            throw new KubeApiException(KubeApiError.Server,
                $"The API server {Server} answered GET {request.PathAndQuery} with something that is not a JSON object; is '{Server}' a Kubernetes API server?");
        }

        if (duplicate is not null)
        {
            var where = duplicate.Path.Length == 0 ? "the top level" : $"'{duplicate.Path}'";
            throw new KubeApiException(KubeApiError.Server,
                $"{Locate(body, request, duplicate.Item)}: key '{duplicate.Key}' appears twice in {where} of the API server's answer to " +
                $"GET {request.PathAndQuery}; JSON readers disagree on which one counts, so the answer cannot be used.");
        }

        return obj;
    }

    /// <summary>The object a duplicate key is in (a list item or the object of a GET), else the list.</summary>
    private string Locate(byte[] body, ApiRequest request, int? item)
    {
        using var document = JsonDocument.Parse(body); // duplicates allowed here: only namespace and name are read
        var obj = document.RootElement;
        if (item is { } index)
        {
            if (!obj.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array || index >= items.GetArrayLength())
                return request.Location(_plan.ContextName);
            obj = items[index];
        }
        else if (request.Verb != "get")
        {
            return request.Location(_plan.ContextName);
        }

        string? Text(string key) =>
            obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object &&
            metadata.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var name = Text("name");
        var location = name is null ? request.Location(_plan.ContextName) : request.Location(_plan.ContextName, Text("namespace"), name);
        return item is { } i && name is null ? $"{location} (items[{i}])" : location;
    }

    /// <summary>The <c>message</c> of a Kubernetes Status body, shortened, as <c>; the server said: …</c>.</summary>
    private static string ServerSaid(byte[] body)
    {
        string? message = null;
        try
        {
            if (body.Length > 0 && JsonNode.Parse(body) is JsonObject status && status["message"] is JsonValue value && value.TryGetValue<string>(out var text))
                message = text;
        }
        catch (JsonException)
        {
        }

        if (string.IsNullOrWhiteSpace(message))
            return string.Empty;
        message = message.ReplaceLineEndings(" ").Trim();
        if (message.Length > MaxMessage)
            message = string.Concat(message.AsSpan(0, MaxMessage), "…");
        return $"; the server said: {message}";
    }

    private void Log(string line)
    {
        if (_options.VerboseLog is { } log)
        {
            lock (log)
                log.WriteLine(line);
        }
    }
}
