using PolicyCheck.TestKit;
using PolicyCheck.TestKit.FakeKubeApi;

namespace PolicyCheck.Kube.Tests;

/// <summary>Credentials in odd places: a password in the server URL, tokens that cannot go in a header.</summary>
public sealed partial class KubeClientTests
{
    private const string UrlPassword = "url-pa55-7b2e";

    private static string ServerWithPassword(FakeKubeApi api) => $"https://admin:{UrlPassword}@127.0.0.1:{api.Server.Port}";

    [Description("Go net/http (kubectl): a URL's user and password are sent as basic auth")]
    [Test]
    public async Task ListAsync_PasswordInServerUrl_AuthenticatesAndIsNeverShown()
    {
        await using var api = await KubeTestBed.StartAsync(b => b.AcceptBasic("admin", UrlPassword).Forbid("list", "services"));
        using var folder = new TempFolder();
        var path = folder.Write("config", Config("current-context: a", ClusterEntry("c", ServerWithPassword(api), api.Authority.CertificateData),
            "- name: a\n  context:\n    cluster: c", string.Empty));
        using var log = new StringWriter();
        using var client = KubeClient.Create(KubeTestBed.Options(path, log));

        var pods = await client.ListAsync(KubeResource.Pods, null, CancellationToken.None);
        var forbidden = Assert.ThrowsAsync<KubeApiException>(() => client.ListAsync(KubeResource.Services, null, CancellationToken.None));
        var read = await ClusterReader.ReadAsync(client, "db", null, CancellationToken.None).ContinueWith(t => t.Exception?.ToString() ?? string.Empty, TaskScheduler.Default);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(pods, Has.Count.EqualTo(5));
            Assert.That(api.Requests[0].User, Is.EqualTo("admin"));
            Assert.That(client.Server, Is.EqualTo(api.Server));
            Assert.That(client.AuthMethod, Does.Contain("basic auth as 'admin'"));
            Assert.That(log.ToString(), Does.Contain("GET https://127.0.0.1:").And.Not.Contain(UrlPassword));
            Assert.That(forbidden.ToString() + read + client.AuthMethod, Does.Not.Contain(UrlPassword));
        }
    }

    [Test]
    public async Task Create_PasswordInServerUrlAndAUserToken_AsksToKeepOne()
    {
        await using var api = await KubeTestBed.StartAsync();
        using var folder = new TempFolder();
        var path = folder.Write("config", Config("current-context: a", ClusterEntry("c", ServerWithPassword(api), api.Authority.CertificateData),
            ContextEntry("a", "c", "u"), TokenUser("u", KubeTestBed.Token)));

        var ex = Assert.Throws<KubeConfigException>(() => KubeClient.Create(KubeTestBed.Options(path)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Message, Is.EqualTo($"{path}:7:13: 'server' of cluster 'c' holds a user name and password, and user 'u' has credentials of its own; " +
                                               "keep one (kubectl would send the URL's, which is easy to miss)."));
            Assert.That(ex.ToString(), Does.Not.Contain(UrlPassword));
        }
    }

    [Test]
    public void Create_ServerNotHttpWithPassword_HidesThePassword()
    {
        using var folder = new TempFolder();
        var path = folder.Write("config", Config("current-context: a", ClusterEntry("c", $"ftp://admin:{UrlPassword}@10.0.0.1/x", null),
            ContextEntry("a", "c", "u"), TokenUser("u", "t")));

        var ex = Assert.Throws<KubeConfigException>(() => KubeClient.Create(new KubeConnectionOptions(path)));

        Assert.That(ex.Message, Is.EqualTo($"{path}:7:13: 'server' of cluster 'c' must be an https:// (or http://) URL, not 'ftp://***@10.0.0.1/x'."));
    }

    [Test]
    public void Create_HttpServer_IsAccepted()
    {
        using var folder = new TempFolder();
        var path = folder.Write("config", Config("current-context: a", ClusterEntry("c", "http://127.0.0.1:8080", null),
            ContextEntry("a", "c", "u"), TokenUser("u", "t")));

        using var client = KubeClient.Create(new KubeConnectionOptions(path));

        Assert.That(client.Server, Is.EqualTo(new Uri("http://127.0.0.1:8080")));
    }

    [Test]
    public async Task ListAsync_TokenFileWithTwoLines_IsAConfigError()
    {
        await using var api = await KubeTestBed.StartAsync();
        using var folder = new TempFolder();
        var tokenPath = folder.Write("token", $"{KubeTestBed.Token}\n{KubeTestBed.Token}\n");
        var path = folder.Write("config", KubeTestBed.Kubeconfig(api, "    tokenFile: token"));

        var ex = Assert.ThrowsAsync<KubeConfigException>(() => ListPodsAsync(KubeTestBed.Options(path)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Message, Is.EqualTo($"{path}:18:16: user 'alice': the token in token file '{tokenPath}' holds a line break, which cannot go in an HTTP header; a token is one line."));
            Assert.That(api.Requests, Is.Empty);
        }
    }

    [TestCase("\\r\\n")]
    [TestCase("\\n")]
    public void Create_InlineTokenWithLineBreak_PointsAtTheToken(string lineBreak)
    {
        using var folder = new TempFolder();
        var path = folder.Write("config", Config("current-context: a", ClusterEntry("c", "https://10.0.0.1:6443", null),
            ContextEntry("a", "c", "u"), $"- name: u\n  user:\n    token: \"abc{lineBreak}def\""));

        var ex = Assert.Throws<KubeConfigException>(() => KubeClient.Create(new KubeConnectionOptions(path)));

        Assert.That(ex.Message, Is.EqualTo($"{path}:16:12: 'token' of user 'u' holds a line break, which cannot go in an HTTP header; a token is one line."));
    }

    [Test]
    public async Task ExecPlugin_TokenWithLineBreak_IsAConfigError()
    {
        await using var api = await KubeTestBed.StartAsync();
        using var folder = new TempFolder();
        folder.Write("bin/credential.json", """{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"abc\r\ndef"}}""");
        folder.WriteScript("bin/two-line-auth", "#!/usr/bin/env bash\ncat \"$(dirname \"$0\")/credential.json\"\n");
        var path = folder.Write("config", KubeTestBed.Kubeconfig(api, """
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: ./bin/two-line-auth
            """));

        var ex = Assert.ThrowsAsync<KubeConfigException>(() => ListPodsAsync(KubeTestBed.Options(path)));

        Assert.That(ex.Message, Does.EndWith("has a 'status.token' that holds a line break, which cannot go in an HTTP header; a token is one line."));
    }
}
