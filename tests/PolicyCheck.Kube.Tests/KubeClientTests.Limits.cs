using System.IO.Compression;
using System.Text;
using PolicyCheck.TestKit;

namespace PolicyCheck.Kube.Tests;

/// <summary>Every source is read up to a limit counted as the bytes arrive, so a device or a runaway never exhausts memory.</summary>
public sealed partial class KubeClientTests
{
    private const long SmallResponseLimit = 64 * 1024;

    /// <summary>A valid PodList of about one MiB: one pod with a long annotation.</summary>
    private static string MegabytePodList(string _) =>
        PodList("{}", "{\"metadata\":{\"name\":\"big\",\"namespace\":\"shop\",\"annotations\":{\"note\":\"" + new string(' ', 1024 * 1024) + "\"}}}");

    [Test]
    public async Task ListAsync_AnswerLargerThanTheLimit_FailsAndNamesTheLimit()
    {
        var (api, folder, path) = await AnsweringAsync("pods", MegabytePodList);
        await using var _ = api;
        using var __ = folder;

        var ex = Assert.ThrowsAsync<KubeApiException>(() => ListPodsAsync(KubeTestBed.Options(path) with { MaxResponseBytes = SmallResponseLimit }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Kind, Is.EqualTo(KubeApiError.Server));
            Assert.That(ex.Message, Does.StartWith("cluster://test/Pod: the API server's answer to GET /api/v1/pods?limit=500 is larger than 64 KiB"));
        }
    }

    [Test]
    public async Task ListAsync_GzipAnswerSmallButLargeDecompressed_CountsTheDecompressedBytes()
    {
        var (api, folder, path) = await AnsweringAsync("pods", MegabytePodList, gzip: true);
        await using var _ = api;
        using var __ = folder;
        using var compressed = new MemoryStream();
        using (var zip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            zip.Write(Encoding.UTF8.GetBytes(MegabytePodList(string.Empty)));
        Assert.That(compressed.Length, Is.LessThan(SmallResponseLimit), "the compressed answer fits the limit");

        var ex = Assert.ThrowsAsync<KubeApiException>(() => ListPodsAsync(KubeTestBed.Options(path) with { MaxResponseBytes = SmallResponseLimit }));

        Assert.That(ex.Message, Does.Contain("is larger than 64 KiB"));
    }

    [Test]
    public async Task ListAsync_GzipAnswerWithinTheLimit_IsRead()
    {
        var (api, folder, path) = await AnsweringAsync("pods", MegabytePodList, gzip: true);
        await using var _ = api;
        using var __ = folder;

        var pods = await ListPodsAsync(KubeTestBed.Options(path));

        Assert.That(Names(pods), Is.EqualTo("big"));
    }

    [Test]
    public void Create_KubeconfigIsADevice_FailsWithTheLimitInsteadOfReadingForever()
    {
        var ex = Assert.ThrowsAsync<KubeConfigException>(() => Task.Run(() => KubeClient.Create(new KubeConnectionOptions("/dev/zero"))).WaitAsync(Hang));

        Assert.That(ex.Message, Is.EqualTo("Kubeconfig '/dev/zero' is larger than 4 MiB; is it the right file?"));
    }

    [Test]
    public async Task ListAsync_TokenFileIsADevice_FailsWithTheLimit()
    {
        await using var api = await KubeTestBed.StartAsync();
        using var folder = new TempFolder();
        var path = folder.Write("config", KubeTestBed.Kubeconfig(api, "    tokenFile: /dev/zero"));

        var ex = Assert.ThrowsAsync<KubeConfigException>(() => ListPodsAsync(KubeTestBed.Options(path)).WaitAsync(Hang));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Message, Does.StartWith($"{path}:18:16: user 'alice': token file '/dev/zero' holds more than 1 MiB"));
            Assert.That(api.Requests, Is.Empty);
        }
    }

    [Test]
    public async Task ListAsync_TokenFileOverTheLimit_FailsWithTheLimit()
    {
        await using var api = await KubeTestBed.StartAsync();
        using var folder = new TempFolder();
        folder.Write("token", KubeTestBed.Token + new string(' ', 1024 * 1024));
        var path = folder.Write("config", KubeTestBed.Kubeconfig(api, "    tokenFile: token"));

        var ex = Assert.ThrowsAsync<KubeConfigException>(() => ListPodsAsync(KubeTestBed.Options(path)));

        Assert.That(ex.Message, Does.Contain("holds more than 1 MiB"));
    }

    [Test]
    public async Task Create_ClientCertificateFileIsADevice_PointsAtTheKey()
    {
        await using var api = await KubeTestBed.StartAsync();
        using var folder = new TempFolder();
        var path = folder.Write("config", KubeTestBed.Kubeconfig(api, "    client-certificate: /dev/zero\n    client-key: /dev/zero"));

        var ex = Assert.ThrowsAsync<KubeConfigException>(() => Task.Run(() => KubeClient.Create(KubeTestBed.Options(path))).WaitAsync(Hang));

        Assert.That(ex.Message, Does.Match($"^{System.Text.RegularExpressions.Regex.Escape(path)}:[0-9]+:[0-9]+: user 'alice' names client-certificate '/dev/zero', which holds more than 4 MiB"));
    }

    [Test]
    public async Task Create_CertificateAuthorityFileIsADevice_FailsWithTheLimit()
    {
        await using var api = await KubeTestBed.StartAsync();
        using var folder = new TempFolder();
        var path = folder.Write("config", Config("current-context: a",
            $"- name: c\n  cluster:\n    server: {api.Server}\n    certificate-authority: /dev/zero",
            ContextEntry("a", "c", "u"), TokenUser("u", KubeTestBed.Token)));

        var ex = Assert.ThrowsAsync<KubeConfigException>(() => Task.Run(() => KubeClient.Create(KubeTestBed.Options(path))).WaitAsync(Hang));

        Assert.That(ex.Message, Does.Contain("cluster 'c' names certificate-authority '/dev/zero', which holds more than 4 MiB"));
    }

    [TestCase("yes", "stdout")]
    [TestCase("yes >&2", "stderr")]
    public async Task ExecPlugin_EndlessOutput_IsStoppedAtTheLimit(string command, string stream)
    {
        await using var api = await KubeTestBed.StartAsync();
        using var folder = new TempFolder();
        folder.WriteScript("bin/chatty", $"#!/usr/bin/env bash\n{command}\n");
        var path = folder.Write("config", KubeTestBed.Kubeconfig(api, """
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: ./bin/chatty
            """));

        var ex = Assert.ThrowsAsync<KubeConfigException>(() => ListPodsAsync(KubeTestBed.Options(path)).WaitAsync(Hang));

        Assert.That(ex.Message, Does.Contain($"exec plugin '{folder.Root}/bin/chatty' wrote more than 1 MiB to {stream}"));
    }

    [Test]
    public async Task InCluster_CaFileIsADevice_FailsWithTheLimit()
    {
        await using var api = await KubeTestBed.StartAsync();
        using var folder = new TempFolder();
        folder.Write("sa/token", KubeTestBed.Token);
        File.CreateSymbolicLink(Path.Combine(folder.Root, "sa", "ca.crt"), "/dev/zero");
        var environment = new Dictionary<string, string?>
        {
            ["KUBERNETES_SERVICE_HOST"] = "127.0.0.1",
            ["KUBERNETES_SERVICE_PORT"] = api.Server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var options = new KubeConnectionOptions(InCluster: true, Environment: environment) { ServiceAccountDirectory = Path.Combine(folder.Root, "sa") };

        var ex = Assert.ThrowsAsync<KubeConfigException>(() => Task.Run(() => KubeClient.Create(options)).WaitAsync(Hang));

        Assert.That(ex.Message, Does.Contain("CA file").And.Contain("holds more than 4 MiB"));
    }
}
