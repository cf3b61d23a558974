using System.Text.Json.Nodes;
using PolicyCheck.TestKit;
using PolicyCheck.TestKit.FakeKubeApi;

namespace PolicyCheck.Kube.Tests;

public sealed partial class KubeClientTests
{
    [Description("k8s docs, 'Service account token volume projection': kubelet rotates the token; clients must reload it")]
    [Test]
    public async Task InCluster_TokenRotated_IsReadAgainAfterAMinute()
    {
        await using var api = await KubeTestBed.StartAsync(b => b.AcceptToken("sa-token-old", "sa-old").AcceptToken("sa-token-new", "sa-new"));
        using var folder = new TempFolder();
        var tokenPath = folder.Write("sa/token", "sa-token-old");
        folder.Write("sa/ca.crt", api.Authority.CertificatePem);
        var environment = new Dictionary<string, string?>
        {
            ["KUBERNETES_SERVICE_HOST"] = "127.0.0.1",
            ["KUBERNETES_SERVICE_PORT"] = api.Server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var time = new ManualTime();
        using var client = KubeClient.Create(new KubeConnectionOptions(InCluster: true, Environment: environment)
        {
            ServiceAccountDirectory = Path.Combine(folder.Root, "sa"),
        }, time);

        await client.ListAsync(KubeResource.Namespaces, null, CancellationToken.None);
        File.WriteAllText(tokenPath, "sa-token-new");
        time.Advance(TimeSpan.FromSeconds(30));
        await client.ListAsync(KubeResource.Namespaces, null, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(31));
        await client.ListAsync(KubeResource.Namespaces, null, CancellationToken.None);

        Assert.That(api.Requests.Select(r => r.User), Is.EqualTo(new[] { "sa-old", "sa-old", "sa-new" }));
    }

    [Test]
    public async Task TokenFile_RejectedAfterRotation_IsReadAgainOnce()
    {
        await using var api = await FakeKubeApi.Create().WithObjects(ClusterObjects.All()).AcceptToken("rotated", "bob").StartAsync();
        using var folder = new TempFolder();
        var tokenPath = folder.Write("token", "expired-one");
        var path = folder.Write("config", KubeTestBed.Kubeconfig(api, "    tokenFile: token"));
        using var client = KubeClient.Create(KubeTestBed.Options(path));
        var first = Assert.ThrowsAsync<KubeApiException>(() => client.ListAsync(KubeResource.Pods, null, CancellationToken.None));

        File.WriteAllText(tokenPath, "rotated");
        var pods = await client.ListAsync(KubeResource.Pods, null, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Kind, Is.EqualTo(KubeApiError.Unauthorized));
            Assert.That(first.Message, Does.Contain($"bearer token from file '{tokenPath}'"));
            Assert.That(pods, Has.Count.EqualTo(5));
            Assert.That(api.Requests.Select(r => r.Status), Is.EqualTo(new[] { 401, 401, 401, 200 }));
        }
    }

    [Test]
    public async Task ExecPlugin_ClientCertificateInStatus_AuthenticatesWithIt()
    {
        await using var api = await FakeKubeApi.Create().WithObjects(ClusterObjects.All()).AcceptClientCertificates().StartAsync();
        var (certificate, key) = api.Authority.IssueClient("exec-cert-user", TestKeyKind.EcSec1);
        using var folder = new TempFolder();
        var credential = new JsonObject
        {
            ["apiVersion"] = "client.authentication.k8s.io/v1beta1",
            ["kind"] = "ExecCredential",
            ["status"] = new JsonObject { ["clientCertificateData"] = certificate, ["clientKeyData"] = key },
        };
        folder.Write("bin/credential.json", credential.ToJsonString());
        folder.WriteScript("bin/cert-auth", "#!/usr/bin/env bash\ncat \"$(dirname \"$0\")/credential.json\"\n");
        var path = folder.Write("config", KubeTestBed.Kubeconfig(api, """
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  command: ./bin/cert-auth
                  interactiveMode: Never
            """));

        var pods = await ListPodsAsync(KubeTestBed.Options(path));

        Assert.That(pods, Has.Count.EqualTo(5));
        Assert.That(api.Requests.Select(r => r.User), Is.All.EqualTo("exec-cert-user"));
    }
}
