using PolicyCheck.TestKit;
using PolicyCheck.TestKit.FakeKubeApi;

namespace PolicyCheck.Kube.Tests;

public sealed partial class KubeClientTests
{
    [Test]
    public async Task Secrets_NeverAppearInMessagesOrTheVerboseLog()
    {
        const string password = "hunter2-Pw-91d7";
        await using var api = await FakeKubeApi.Create().WithObjects(ClusterObjects.All())
            .AcceptToken(KubeTestBed.Token, "alice").AcceptToken(ExecToken, "exec-user").AcceptBasic("admin", password)
            .AcceptClientCertificates()
            .Forbid("list", "networkpolicies").Fail("services", 500, times: 100).ExpireContinueTokens("pods", 100)
            .StartAsync();
        using var stranger = TestCertificateAuthority.Create("stranger");
        var (certificate, key) = stranger.IssueClient("mallory", TestKeyKind.EcSec1);
        using var folder = new TempFolder();
        ExecPlugin(folder, "client.authentication.k8s.io/v1", "2020-01-01T00:00:00Z");
        var users = new Dictionary<string, string>
        {
            ["token"] = $"    token: {KubeTestBed.Token}",
            ["basic"] = $"    username: admin\n    password: {password}",
            ["wrong-basic"] = $"    username: admin\n    password: {password}x",
            ["cert"] = $"    client-certificate-data: {Base64(certificate)}\n    client-key-data: {Base64(key)}",
            ["exec"] = ExecUser("client.authentication.k8s.io/v1"),
            ["bad-key"] = $"    client-certificate-data: {Base64(certificate)}\n    client-key-data: {Base64(key[..(key.Length / 2)])}",
        };
        var output = new List<string>();
        foreach (var (name, user) in users)
        {
            using var log = new StringWriter();
            var path = folder.Write($"{name}.yaml", KubeTestBed.Kubeconfig(api, user));
            try
            {
                using var client = KubeClient.Create(KubeTestBed.Options(path, log) with { PageSize = 2, MaxRetries = 1 });
                output.Add(client.AuthMethod);
                foreach (var resource in ClusterReader.Resources)
                {
                    try
                    {
                        await client.ListAsync(resource, null, CancellationToken.None);
                    }
                    catch (KubeApiException ex)
                    {
                        output.Add(ex.ToString());
                    }
                }
            }
            catch (KubeConfigException ex)
            {
                output.Add(ex.ToString());
            }

            output.Add(log.ToString());
        }

        var all = string.Join("\n", output);
        var keyBody = key.Split('\n')[1];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(all, Does.Contain("Forbidden").And.Contain("410").And.Contain("401").And.Contain("GET "), "the scenarios did fail as planned");
            foreach (var secret in new[] { KubeTestBed.Token, ExecToken, password, keyBody, Base64(key), Base64($"admin:{password}") })
                Assert.That(all, Does.Not.Contain(secret));
        }
    }
}
