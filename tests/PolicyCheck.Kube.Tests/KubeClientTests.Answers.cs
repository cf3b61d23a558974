using PolicyCheck.TestKit;
using PolicyCheck.TestKit.FakeKubeApi;

namespace PolicyCheck.Kube.Tests;

/// <summary>Answers a broken server or proxy could send: nothing in them may be dropped or loop forever.</summary>
public sealed partial class KubeClientTests
{
    /// <summary>A LIST that a stuck client would repeat forever; the wait bounds the test, not the client.</summary>
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    private static async Task<(FakeKubeApi Api, TempFolder Folder, string Path)> AnsweringAsync(string plural, Func<string, string> body, bool gzip = false)
    {
        var api = await KubeTestBed.StartAsync(b => b.Answer(plural, body, gzip));
        var folder = new TempFolder();
        return (api, folder, folder.Write("config", KubeTestBed.Kubeconfig(api, $"    token: {KubeTestBed.Token}")));
    }

    private static string PodList(string metadata, string items) =>
        $$"""{"kind":"PodList","apiVersion":"v1","metadata":{{metadata}},"items":[{{items}}]}""";

    [Test]
    public async Task ListAsync_ItemNotAnObject_FailsWithTheListLocationAndIndex()
    {
        var (api, folder, path) = await AnsweringAsync("pods", _ => PodList("{}",
            """{"metadata":{"name":"a","namespace":"shop"}},42,{"metadata":{"name":"b","namespace":"shop"}}"""));
        await using var _ = api;
        using var __ = folder;

        var ex = Assert.ThrowsAsync<KubeApiException>(() => ListPodsAsync(KubeTestBed.Options(path)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Kind, Is.EqualTo(KubeApiError.Server));
            Assert.That(ex.Message, Does.StartWith("cluster://test/Pod: item 2 of the PodList (items[1] of page 1, GET /api/v1/pods?limit=500) is a number, not an object"));
        }
    }

    [Test]
    public async Task ListAsync_ItemNotAnObjectOnALaterPage_CountsTheItemsBefore()
    {
        var (api, folder, path) = await AnsweringAsync("pods", query => query.Contains("continue=", StringComparison.Ordinal)
            ? PodList("{}", """{"metadata":{"name":"c","namespace":"shop"}},null""")
            : PodList("""{"continue":"page-2"}""", """{"metadata":{"name":"a","namespace":"shop"}},{"metadata":{"name":"b","namespace":"shop"}}"""));
        await using var _ = api;
        using var __ = folder;

        var ex = Assert.ThrowsAsync<KubeApiException>(() => ListPodsAsync(KubeTestBed.Options(path) with { PageSize = 2 }, "shop"));

        Assert.That(ex.Message, Does.StartWith("cluster://test/shop/Pod: item 4 of the PodList (items[1] of page 2, GET /api/v1/namespaces/shop/pods?limit=2&continue=page-2) is null"));
    }

    [Description("k8s API concepts, 'Retrieving large results sets in chunks': each continue token leads to the next chunk")]
    [Test]
    public async Task ListAsync_ContinueTokenRepeats_FailsInsteadOfListingForever()
    {
        var (api, folder, path) = await AnsweringAsync("pods", _ => PodList("""{"continue":"same-token"}""", """{"metadata":{"name":"a","namespace":"shop"}}"""));
        await using var _ = api;
        using var __ = folder;

        var ex = Assert.ThrowsAsync<KubeApiException>(() => ListPodsAsync(KubeTestBed.Options(path)).WaitAsync(Hang));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Kind, Is.EqualTo(KubeApiError.Server));
            Assert.That(ex.Message, Does.StartWith("cluster://test/Pod: listing pods did not finish: page 2 handed out a continue token the server had already given"));
            Assert.That(api.Requests, Has.Count.EqualTo(2));
        }
    }

    [Test]
    public async Task ListAsync_MorePagesThanTheLimit_Fails()
    {
        // Every page names a new next page: page-1 → page-2 → …, without end.
        var (api, folder, path) = await AnsweringAsync("pods", query =>
        {
            var at = query.IndexOf("continue=page-", StringComparison.Ordinal);
            var page = at < 0 ? 1 : int.Parse(query[(at + "continue=page-".Length)..], System.Globalization.CultureInfo.InvariantCulture) + 1;
            return PodList($$"""{"continue":"page-{{page}}"}""", $$$"""{"metadata":{"name":"p{{{page}}}","namespace":"shop"}}""");
        });
        await using var _ = api;
        using var __ = folder;

        var ex = Assert.ThrowsAsync<KubeApiException>(() => ListPodsAsync(KubeTestBed.Options(path) with { MaxListPages = 3 }).WaitAsync(Hang));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Kind, Is.EqualTo(KubeApiError.Server));
            Assert.That(ex.Message, Does.StartWith("cluster://test/Pod: listing pods did not finish within 3 pages of 500 items (3 items so far"));
            Assert.That(api.Requests, Has.Count.EqualTo(3));
        }
    }

    [Description("RFC 8259 4: names within an object SHOULD be unique; readers differ on which value of a repeated name counts")]
    [Test]
    public async Task ListAsync_RepeatedKeyInAnItem_NamesTheObjectAndThePath()
    {
        var (api, folder, path) = await AnsweringAsync("pods", _ => PodList("{}",
            """{"metadata":{"name":"web-1","namespace":"shop"}},{"metadata":{"name":"web-2","namespace":"shop","labels":{"app":"web","app":"db"}}}"""));
        await using var _ = api;
        using var __ = folder;

        var ex = Assert.ThrowsAsync<KubeApiException>(() => ListPodsAsync(KubeTestBed.Options(path)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Kind, Is.EqualTo(KubeApiError.Server));
            Assert.That(ex.Message, Does.StartWith("cluster://test/shop/Pod/web-2: key 'app' appears twice in 'items[1].metadata.labels' of the API server's answer to GET /api/v1/pods?limit=500"));
        }
    }

    [Test]
    public async Task ListAsync_RepeatedKeyInTheListMetadata_NamesTheList()
    {
        var (api, folder, path) = await AnsweringAsync("pods", _ =>
            """{"kind":"PodList","apiVersion":"v1","metadata":{"continue":"","continue":"x"},"items":[]}""");
        await using var _ = api;
        using var __ = folder;

        var ex = Assert.ThrowsAsync<KubeApiException>(() => ListPodsAsync(KubeTestBed.Options(path)));

        Assert.That(ex.Message, Does.StartWith("cluster://test/Pod: key 'continue' appears twice in 'metadata' of the API server's answer"));
    }

    [Test]
    public async Task GetAsync_RepeatedKeyInTheObject_NamesTheObject()
    {
        var (api, folder, path) = await AnsweringAsync("namespaces", _ =>
            """{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"shop","labels":{"team":"web"}},"metadata":{"name":"db"}}""");
        await using var _ = api;
        using var __ = folder;
        using var client = KubeClient.Create(KubeTestBed.Options(path));

        var ex = Assert.ThrowsAsync<KubeApiException>(() => client.GetAsync(KubeResource.Namespaces, null, "shop", CancellationToken.None));

        Assert.That(ex.Message, Does.Match(@"^cluster://test/Namespace/(shop|db): key 'metadata' appears twice in the top level of the API server's answer to GET /api/v1/namespaces/shop;"));
    }
}
