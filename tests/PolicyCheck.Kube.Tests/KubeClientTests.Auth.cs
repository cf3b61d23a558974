using PolicyCheck.TestKit;
using PolicyCheck.TestKit.FakeKubeApi;

namespace PolicyCheck.Kube.Tests;

public sealed partial class KubeClientTests
{
    [Test]
    public async Task ListAsync_TokenFileRelativeToKubeconfig_Authenticates()
    {
        await using var api = await KubeTestBed.StartAsync();
        using var folder = new TempFolder();
        folder.Write("secrets/token", KubeTestBed.Token + "\n");
        var path = folder.Write("config", KubeTestBed.Kubeconfig(api, "    tokenFile: secrets/token"));

        var pods = await ListPodsAsync(KubeTestBed.Options(path));

        Assert.That(Names(pods), Is.EqualTo(AllPodNames));
    }

    [TestCase(TestKeyKind.RsaPkcs1)]
    [TestCase(TestKeyKind.RsaPkcs8)]
    [TestCase(TestKeyKind.EcSec1)]
    [TestCase(TestKeyKind.EcPkcs8)]
    public async Task ListAsync_ClientCertificateData_AuthenticatesAsTheCommonName(TestKeyKind kind)
    {
        await using var api = await FakeKubeApi.Create().WithObjects(ClusterObjects.All()).AcceptClientCertificates().StartAsync();
        var (certificate, key) = api.Authority.IssueClient("carol", kind, "system:masters");
        using var folder = new TempFolder();
        var path = folder.Write("config", KubeTestBed.Kubeconfig(api,
            $"    client-certificate-data: {Base64(certificate)}\n    client-key-data: {Base64(key)}"));

        var pods = await ListPodsAsync(KubeTestBed.Options(path));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Names(pods), Is.EqualTo(AllPodNames));
            Assert.That(api.Requests.Select(r => r.User), Is.All.EqualTo("carol"));
        }
    }

    [TestCase(TestKeyKind.RsaPkcs1)]
    [TestCase(TestKeyKind.EcSec1)]
    public async Task ListAsync_ClientCertificateFiles_Authenticate(TestKeyKind kind)
    {
        await using var api = await FakeKubeApi.Create().WithObjects(ClusterObjects.All()).AcceptClientCertificates().StartAsync();
        var (certificate, key) = api.Authority.IssueClient("dave", kind);
        using var folder = new TempFolder();
        folder.Write("pki/dave.crt", certificate);
        folder.Write("pki/dave.key", key);
        folder.Write("pki/ca.crt", api.Authority.CertificatePem);
        var path = folder.Write("config", $"""
            apiVersion: v1
            kind: Config
            current-context: files
            clusters:
            - name: fake
              cluster:
                server: {api.Server}
                certificate-authority: pki/ca.crt
            contexts:
            - name: files
              context:
                cluster: fake
                user: dave
            users:
            - name: dave
              user:
                client-certificate: pki/dave.crt
                client-key: {folder.Root}/pki/dave.key
            """);

        var pods = await ListPodsAsync(KubeTestBed.Options(path));

        Assert.That(api.Requests.Select(r => r.User), Is.All.EqualTo("dave"));
        Assert.That(pods, Has.Count.EqualTo(5));
    }

    [Test]
    public async Task ListAsync_ClientCertificateFromAnotherCa_IsUnauthorized()
    {
        await using var api = await FakeKubeApi.Create().WithObjects(ClusterObjects.All()).AcceptClientCertificates().StartAsync();
        using var stranger = TestCertificateAuthority.Create("stranger-ca");
        var (certificate, key) = stranger.IssueClient("mallory");
        using var folder = new TempFolder();
        var path = folder.Write("config", KubeTestBed.Kubeconfig(api,
            $"    client-certificate-data: {Base64(certificate)}\n    client-key-data: {Base64(key)}"));

        var ex = Assert.ThrowsAsync<KubeApiException>(() => ListPodsAsync(KubeTestBed.Options(path)));

        Assert.That(ex.Kind, Is.EqualTo(KubeApiError.Unauthorized));
        Assert.That(ex.Message, Does.Contain("client certificate of kubeconfig user 'alice'"));
    }

    [Test]
    public async Task ListAsync_BasicAuth_Authenticates()
    {
        await using var api = await KubeTestBed.StartAsync(b => b.AcceptBasic("admin", "pa55:word"));
        using var folder = new TempFolder();
        var path = folder.Write("config", KubeTestBed.Kubeconfig(api, "    username: admin\n    password: \"pa55:word\""));

        var pods = await ListPodsAsync(KubeTestBed.Options(path));

        Assert.That(pods, Has.Count.EqualTo(5));
        Assert.That(api.Requests.Select(r => r.User), Is.All.EqualTo("admin"));
    }

    [Test]
    public async Task ListAsync_WrongToken_SaysUnauthorizedAndWhichMethod()
    {
        await using var api = await KubeTestBed.StartAsync();
        using var folder = new TempFolder();
        var path = folder.Write("config", KubeTestBed.Kubeconfig(api, "    token: not-the-right-one"));

        var ex = Assert.ThrowsAsync<KubeApiException>(() => ListPodsAsync(KubeTestBed.Options(path)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Kind, Is.EqualTo(KubeApiError.Unauthorized));
            Assert.That(ex.Message, Does.Contain("401 Unauthorized").And.Contain("bearer token of kubeconfig user 'alice'").And.Contain("context 'test'"));
            Assert.That(ex.Message, Does.Not.Contain("not-the-right-one"));
        }
    }

    [Test]
    public async Task ListAsync_ForbiddenList_NamesVerbResourceAndNamespace()
    {
        await using var api = await KubeTestBed.StartAsync(b => b.Forbid("list", "networkpolicies", "shop"));
        using var folder = new TempFolder();
        var path = folder.Write("config", KubeTestBed.Kubeconfig(api, $"    token: {KubeTestBed.Token}"));
        using var client = KubeClient.Create(KubeTestBed.Options(path));

        var ex = Assert.ThrowsAsync<KubeApiException>(() => client.ListAsync(KubeResource.NetworkPolicies, "shop", CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Kind, Is.EqualTo(KubeApiError.Forbidden));
            Assert.That(ex.Message, Does.StartWith(
                "Forbidden: cannot list networkpolicies.networking.k8s.io in namespace 'shop': grant verb 'list' on resource " +
                "'networkpolicies' in API group 'networking.k8s.io' in namespace 'shop'"));
            Assert.That(ex.Message, Does.Contain("User \"alice\" cannot list resource \"networkpolicies\""));
        }
    }

    [Test]
    public async Task ListAsync_ForbiddenClusterWide_SaysAllNamespaces()
    {
        await using var api = await KubeTestBed.StartAsync(b => b.Forbid("list", "pods"));
        using var folder = new TempFolder();
        var path = folder.Write("config", KubeTestBed.Kubeconfig(api, $"    token: {KubeTestBed.Token}"));

        var ex = Assert.ThrowsAsync<KubeApiException>(() => ListPodsAsync(KubeTestBed.Options(path)));

        Assert.That(ex.Message, Does.StartWith("Forbidden: cannot list pods in all namespaces: grant verb 'list' on resource 'pods' in API group ''"));
    }

    private static string Base64(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text));
}
