using System.Net;
using System.Text.Json.Nodes;

namespace PolicyCheck.TestKit.FakeKubeApi;

/// <summary>Configures a <see cref="FakeKubeApi"/>: objects to serve, accepted credentials, injected failures.
/// See <see cref="FakeKubeApi"/> for an example.</summary>
public sealed class FakeKubeApiBuilder
{
    internal List<JsonObject> Objects { get; } = [];

    internal Dictionary<string, string> Tokens { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, string> Passwords { get; } = new(StringComparer.Ordinal);

    internal bool ClientCertificates { get; private set; }

    internal List<(string Verb, string Plural, string? Namespace)> Forbidden { get; } = [];

    internal List<FakeKubeFault> Faults { get; } = [];

    internal Dictionary<string, TimeSpan> Delays { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, (Func<string, string> Body, bool Gzip)> Answers { get; } = new(StringComparer.Ordinal);

    internal TestCertificateAuthority? Authority { get; private set; }

    internal List<string> DnsNames { get; } = ["localhost", "kubernetes.default.svc"];

    /// <summary>Serves the object (JSON with apiVersion, kind, metadata.name and, for namespaced kinds, metadata.namespace).</summary>
    public FakeKubeApiBuilder WithObject(string json) =>
        WithObject(JsonNode.Parse(json) as JsonObject ?? throw new ArgumentException("Expected a JSON object.", nameof(json)));

    public FakeKubeApiBuilder WithObject(JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        _ = FakeKubeApi.PluralOf(obj);
        Objects.Add(obj);
        return this;
    }

    public FakeKubeApiBuilder WithObjects(IEnumerable<JsonObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        foreach (var obj in objects)
            WithObject(obj);
        return this;
    }

    /// <summary>Accepts <c>Authorization: Bearer <paramref name="token"/></c> as <paramref name="user"/>.</summary>
    public FakeKubeApiBuilder AcceptToken(string token, string user = "token-user")
    {
        Tokens[token] = user;
        return this;
    }

    /// <summary>Accepts basic auth with this user and password.</summary>
    public FakeKubeApiBuilder AcceptBasic(string user, string password)
    {
        Passwords[user] = password;
        return this;
    }

    /// <summary>Accepts client certificates issued by <see cref="FakeKubeApi.Authority"/>; the user is their CN.</summary>
    public FakeKubeApiBuilder AcceptClientCertificates()
    {
        ClientCertificates = true;
        return this;
    }

    /// <summary>Answers 403 to <paramref name="verb"/> (list or get) of <paramref name="plural"/>, in one namespace or (null) everywhere.</summary>
    public FakeKubeApiBuilder Forbid(string verb, string plural, string? ns = null)
    {
        Forbidden.Add((verb, plural, ns));
        return this;
    }

    /// <summary>Answers the first <paramref name="times"/> requests for <paramref name="plural"/> with
    /// <paramref name="status"/> (429, 500, 503 …) and a Status body, with Retry-After when given.</summary>
    public FakeKubeApiBuilder Fail(string plural, int status, int times, TimeSpan? retryAfter = null)
    {
        Faults.Add(new FakeKubeFault(plural, status, times, retryAfter, onlyWithContinue: false));
        return this;
    }

    /// <summary>Answers the first <paramref name="times"/> continue requests for <paramref name="plural"/> with 410
    /// Gone (reason Expired), as a real server does when the continue token's resource version was compacted.</summary>
    public FakeKubeApiBuilder ExpireContinueTokens(string plural, int times)
    {
        Faults.Add(new FakeKubeFault(plural, (int)HttpStatusCode.Gone, times, null, onlyWithContinue: true));
        return this;
    }

    /// <summary>Waits <paramref name="delay"/> before answering requests for <paramref name="plural"/>.</summary>
    public FakeKubeApiBuilder Delay(string plural, TimeSpan delay)
    {
        Delays[plural] = delay;
        return this;
    }

    /// <summary>
    /// Answers every authorized request for <paramref name="plural"/> with 200 and the body that
    /// <paramref name="body"/> makes of the request's path and query, sent as it is: to serve what a broken server or
    /// proxy sends (items that are not objects, repeated keys, continue tokens that never end, huge pages). The body
    /// goes out chunked, without Content-Length; with <paramref name="gzip"/> it is gzip-compressed
    /// (<c>Content-Encoding: gzip</c>) when the client accepts gzip.
    /// </summary>
    public FakeKubeApiBuilder Answer(string plural, Func<string, string> body, bool gzip = false)
    {
        ArgumentNullException.ThrowIfNull(body);
        Answers[plural] = (body, gzip);
        return this;
    }

    /// <summary>Uses this CA for the server certificate (default: <see cref="TestCertificateAuthority.Shared"/>).</summary>
    public FakeKubeApiBuilder WithAuthority(TestCertificateAuthority authority)
    {
        Authority = authority;
        return this;
    }

    public Task<FakeKubeApi> StartAsync() => FakeKubeApi.StartAsync(this);
}
