using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PolicyCheck.TestKit;
using PolicyCheck.TestKit.FakeKubeApi;

namespace PolicyCheck.Kube.Tests;

public sealed partial class KubeClientTests
{
    private static async Task<(FakeKubeApi Api, TempFolder Folder, string Path)> SetUpAsync(Action<FakeKubeApiBuilder>? configure = null, string clusterExtra = "")
    {
        var api = await KubeTestBed.StartAsync(configure);
        var folder = new TempFolder();
        return (api, folder, folder.Write("config", KubeTestBed.Kubeconfig(api, $"    token: {KubeTestBed.Token}", clusterExtra)));
    }

    [Description("k8s API concepts, 'Retrieving large results sets in chunks': limit and continue")]
    [Test]
    public async Task ListAsync_PageSizeTwo_FollowsContinueTokensToTheEnd()
    {
        var (api, folder, path) = await SetUpAsync();
        await using var _ = api;
        using var __ = folder;

        var pods = await ListPodsAsync(KubeTestBed.Options(path) with { PageSize = 2 });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Names(pods), Is.EqualTo(AllPodNames));
            Assert.That(api.Requests, Has.Count.EqualTo(3));
            Assert.That(api.Requests[0].PathAndQuery, Is.EqualTo("/api/v1/pods?limit=2"));
            Assert.That(api.Requests.Skip(1).Select(r => r.HasContinue), Is.All.True);
        }
    }

    [Description("k8s API concepts: an expired continue token gets 410 Gone; the client starts the list again")]
    [Test]
    public async Task ListAsync_ContinueTokenExpires_RestartsAndReturnsEachPodOnce()
    {
        var (api, folder, path) = await SetUpAsync(b => b.ExpireContinueTokens("pods", 1));
        await using var _ = api;
        using var __ = folder;

        var pods = await ListPodsAsync(KubeTestBed.Options(path) with { PageSize = 2 });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Names(pods), Is.EqualTo(AllPodNames));
            Assert.That(api.Requests.Select(r => (r.HasContinue, r.Status)), Is.EqualTo(new[]
            {
                (false, 200), (true, 410), (false, 200), (true, 200), (true, 200),
            }));
        }
    }

    [Test]
    public async Task ListAsync_ContinueTokenAlwaysExpires_GivesUpAfterBoundedRestarts()
    {
        var (api, folder, path) = await SetUpAsync(b => b.ExpireContinueTokens("pods", 100));
        await using var _ = api;
        using var __ = folder;

        var ex = Assert.ThrowsAsync<KubeApiException>(() => ListPodsAsync(KubeTestBed.Options(path) with { PageSize = 2 }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Kind, Is.EqualTo(KubeApiError.Server));
            Assert.That(ex.Message, Does.Contain("410 Gone"));
            Assert.That(api.Requests.Count(r => r.Status == 410), Is.EqualTo(KubeClient.MaxListRestarts + 1));
        }
    }

    [Test]
    public async Task ListAsync_TooManyRequestsWithRetryAfter_WaitsAndSucceeds()
    {
        var (api, folder, path) = await SetUpAsync(b => b.Fail("pods", 429, times: 1, retryAfter: TimeSpan.FromSeconds(1)));
        await using var _ = api;
        using var __ = folder;
        var clock = Stopwatch.StartNew();

        var pods = await ListPodsAsync(KubeTestBed.Options(path));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(pods, Has.Count.EqualTo(5));
            Assert.That(api.Requests.Select(r => r.Status), Is.EqualTo(new[] { 429, 200 }));
            Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950)), "Retry-After: 1 was not honoured");
        }
    }

    [Test]
    public async Task ListAsync_ServerErrorsThenSuccess_RetriesWithBackoff()
    {
        var (api, folder, path) = await SetUpAsync(b => b.Fail("pods", 500, times: 2).Fail("services", 503, times: 1));
        await using var _ = api;
        using var __ = folder;
        using var client = KubeClient.Create(KubeTestBed.Options(path));

        var pods = await client.ListAsync(KubeResource.Pods, null, CancellationToken.None);
        var services = await client.ListAsync(KubeResource.Services, null, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(pods, Has.Count.EqualTo(5));
            Assert.That(services, Has.Count.EqualTo(1));
            Assert.That(api.Requests.Select(r => r.Status), Is.EqualTo(new[] { 500, 500, 200, 503, 200 }));
        }
    }

    [Test]
    public async Task ListAsync_ServerErrorsPersist_GivesUpAfterTheRetries()
    {
        var (api, folder, path) = await SetUpAsync(b => b.Fail("pods", 500, times: 100));
        await using var _ = api;
        using var __ = folder;

        var ex = Assert.ThrowsAsync<KubeApiException>(() => ListPodsAsync(KubeTestBed.Options(path) with { MaxRetries = 2 }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Kind, Is.EqualTo(KubeApiError.Server));
            Assert.That(ex.StatusCode, Is.EqualTo(500));
            Assert.That(ex.Message, Does.Contain("500 Internal Server Error 3 times").And.Contain("etcdserver: request timed out"));
            Assert.That(api.Requests, Has.Count.EqualTo(3));
        }
    }

    [Test]
    public async Task ListAsync_SlowServer_TimesOut()
    {
        var (api, folder, path) = await SetUpAsync(b => b.Delay("pods", TimeSpan.FromSeconds(20)));
        await using var _ = api;
        using var __ = folder;

        var ex = Assert.ThrowsAsync<KubeApiException>(() => ListPodsAsync(KubeTestBed.Options(path) with { Timeout = TimeSpan.FromMilliseconds(400) }));

        Assert.That(ex.Kind, Is.EqualTo(KubeApiError.Timeout));
        Assert.That(ex.Message, Does.Contain("did not answer GET /api/v1/pods?limit=500 within 0.4 s"));
    }

    [Test]
    public async Task ListAsync_CaOfAnotherCluster_SaysCertificateAuthorityMismatch()
    {
        await using var api = await KubeTestBed.StartAsync();
        using var stranger = TestCertificateAuthority.Create("other-cluster-ca");
        using var folder = new TempFolder();
        var path = folder.Write("config", KubeTestBed.Kubeconfig(api, $"    token: {KubeTestBed.Token}")
            .Replace(api.Authority.CertificateData, stranger.CertificateData, StringComparison.Ordinal));

        var ex = Assert.ThrowsAsync<KubeApiException>(() => ListPodsAsync(KubeTestBed.Options(path)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Kind, Is.EqualTo(KubeApiError.Tls));
            Assert.That(ex.Message, Does.Contain("certificate authority mismatch").And.Contain("issued by 'CN=fake-kubernetes-ca'"));
            Assert.That(api.Requests, Is.Empty);
        }
    }

    [Test]
    public async Task ListAsync_TlsServerNameNotInCertificate_SaysNameMismatch()
    {
        var (api, folder, path) = await SetUpAsync(clusterExtra: "    tls-server-name: api.example.com");
        await using var _ = api;
        using var __ = folder;

        var ex = Assert.ThrowsAsync<KubeApiException>(() => ListPodsAsync(KubeTestBed.Options(path)));

        Assert.That(ex.Kind, Is.EqualTo(KubeApiError.Tls));
        Assert.That(ex.Message, Does.Contain("name mismatch: the server's certificate is not valid for 'api.example.com'").And.Contain("'kubernetes.default.svc'"));
    }

    [Test]
    public async Task ListAsync_TlsServerNameInCertificate_Connects()
    {
        var (api, folder, path) = await SetUpAsync(clusterExtra: "    tls-server-name: kubernetes.default.svc");
        await using var _ = api;
        using var __ = folder;

        var pods = await ListPodsAsync(KubeTestBed.Options(path));

        Assert.That(pods, Has.Count.EqualTo(5));
    }

    [Test]
    public void ListAsync_NothingListens_SaysUnreachable()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var folder = new TempFolder();
        var path = folder.Write("config", Config("current-context: a", ClusterEntry("c", $"https://127.0.0.1:{port}", null),
            ContextEntry("a", "c", "u"), TokenUser("u", KubeTestBed.Token)));

        var ex = Assert.ThrowsAsync<KubeApiException>(() => ListPodsAsync(KubeTestBed.Options(path)));

        Assert.That(ex.Kind, Is.EqualTo(KubeApiError.Unreachable));
        Assert.That(ex.Message, Is.EqualTo($"Cannot reach the API server https://127.0.0.1:{port}/ (context 'a'): the connection was refused (nothing listens on that port)."));
    }

    [Test]
    public async Task ListAsync_VerboseLog_HasMethodUrlStatusAndTime()
    {
        var (api, folder, path) = await SetUpAsync();
        await using var _ = api;
        using var __ = folder;
        using var log = new StringWriter();

        await ListPodsAsync(KubeTestBed.Options(path, log));

        Assert.That(log.ToString(), Does.Match(
            $@"^context 'test': server {api.Server}, bearer token of kubeconfig user 'alice'\r?\n" +
            $@"GET {api.Server}api/v1/pods\?limit=500 200 OK \(\d+ ms\)\r?\n$"));
    }

    [Test]
    public async Task ListAsync_ProxyUrl_TunnelsThroughTheProxy()
    {
        await using var proxy = new ConnectProxy();
        var (api, folder, path) = await SetUpAsync(clusterExtra: $"    proxy-url: {proxy.Url}");
        await using var _ = api;
        using var __ = folder;

        var pods = await ListPodsAsync(KubeTestBed.Options(path));

        Assert.That(pods, Has.Count.EqualTo(5));
        Assert.That(proxy.Targets, Is.EqualTo(new[] { $"127.0.0.1:{api.Server.Port}" }));
    }
}
