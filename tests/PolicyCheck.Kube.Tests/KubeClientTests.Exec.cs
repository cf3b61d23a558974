using System.Text.Json.Nodes;
using PolicyCheck.TestKit;

namespace PolicyCheck.Kube.Tests;

public sealed partial class KubeClientTests
{
    private const string ExecToken = "exec-tok-8c1e44d0b2";

    /// <summary>
    /// A credential plugin as a bash script: it counts its runs in 'runs', saves KUBERNETES_EXEC_INFO and its
    /// MODE variable, and prints an ExecCredential. On the first run it prints <paramref name="firstToken"/>.
    /// </summary>
    private static string ExecPlugin(TempFolder folder, string apiVersion, string expiration, string firstToken = ExecToken) =>
        folder.WriteScript("bin/fake-auth", $$$"""
            #!/usr/bin/env bash
            set -eu
            dir="$(dirname "$0")"
            runs=$(( $(cat "$dir/runs" 2>/dev/null || echo 0) + 1 ))
            echo "$runs" > "$dir/runs"
            printf '%s' "$KUBERNETES_EXEC_INFO" > "$dir/exec-info.json"
            printf '%s %s' "$MODE" "$*" > "$dir/env-and-args"
            token="{{{ExecToken}}}"
            if [ "$runs" = 1 ]; then token="{{{firstToken}}}"; fi
            cat <<JSON
            {"apiVersion":"{{{apiVersion}}}","kind":"ExecCredential","status":{"token":"$token","expirationTimestamp":"{{{expiration}}}"}}
            JSON
            """);

    private static string ExecUser(string apiVersion, string command = "bin/fake-auth") => $"""
            exec:
              apiVersion: {apiVersion}
              command: {command}
              args: [get-token, --cluster, fake]
              env:
              - name: MODE
                value: ci
              installHint: Install fake-auth from the test.
              provideClusterInfo: true
        """;

    private static int Runs(TempFolder folder) => int.Parse(File.ReadAllText(Path.Combine(folder.Root, "bin", "runs")).Trim());

    [TestCase("client.authentication.k8s.io/v1")]
    [TestCase("client.authentication.k8s.io/v1beta1")]
    public async Task ExecPlugin_TokenWithFutureExpiry_RunsOnceForTwoLists(string apiVersion)
    {
        await using var api = await KubeTestBed.StartAsync(b => b.AcceptToken(ExecToken, "exec-user"));
        using var folder = new TempFolder();
        ExecPlugin(folder, apiVersion, DateTimeOffset.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ"));
        var path = folder.Write("config", KubeTestBed.Kubeconfig(api, ExecUser(apiVersion)));
        using var client = KubeClient.Create(KubeTestBed.Options(path));

        await client.ListAsync(KubeResource.Pods, null, CancellationToken.None);
        await client.ListAsync(KubeResource.Services, null, CancellationToken.None);

        var info = JsonNode.Parse(File.ReadAllText(Path.Combine(folder.Root, "bin", "exec-info.json")))!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Runs(folder), Is.EqualTo(1));
            Assert.That(api.Requests.Select(r => r.User), Is.All.EqualTo("exec-user"));
            Assert.That((string?)info["apiVersion"], Is.EqualTo(apiVersion));
            Assert.That((string?)info["kind"], Is.EqualTo("ExecCredential"));
            Assert.That((bool?)info["spec"]!["interactive"], Is.False);
            Assert.That((string?)info["spec"]!["cluster"]!["server"], Is.EqualTo(api.Server.ToString()));
            Assert.That(File.ReadAllText(Path.Combine(folder.Root, "bin", "env-and-args")), Is.EqualTo("ci get-token --cluster fake"));
        }
    }

    [Test]
    public async Task ExecPlugin_ExpiredCredential_RunsAgainForTheNextRequest()
    {
        await using var api = await KubeTestBed.StartAsync(b => b.AcceptToken(ExecToken, "exec-user"));
        using var folder = new TempFolder();
        ExecPlugin(folder, "client.authentication.k8s.io/v1", "2020-01-01T00:00:00Z");
        var path = folder.Write("config", KubeTestBed.Kubeconfig(api, ExecUser("client.authentication.k8s.io/v1")));
        using var client = KubeClient.Create(KubeTestBed.Options(path));

        await client.ListAsync(KubeResource.Pods, null, CancellationToken.None);
        await client.ListAsync(KubeResource.Services, null, CancellationToken.None);

        Assert.That(Runs(folder), Is.EqualTo(2));
    }

    [Test]
    public async Task ExecPlugin_FirstTokenRejected_RunsAgainOnceAndSucceeds()
    {
        await using var api = await KubeTestBed.StartAsync(b => b.AcceptToken(ExecToken, "exec-user"));
        using var folder = new TempFolder();
        ExecPlugin(folder, "client.authentication.k8s.io/v1", DateTimeOffset.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ"), firstToken: "stale-token");
        var path = folder.Write("config", KubeTestBed.Kubeconfig(api, ExecUser("client.authentication.k8s.io/v1")));

        var pods = await ListPodsAsync(KubeTestBed.Options(path));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(pods, Has.Count.EqualTo(5));
            Assert.That(Runs(folder), Is.EqualTo(2));
            Assert.That(api.Requests.Select(r => r.Status), Is.EqualTo(new[] { 401, 200 }));
        }
    }

    [Test]
    public async Task ExecPlugin_AlwaysRejected_RunsAtMostTwiceAndSaysUnauthorized()
    {
        await using var api = await KubeTestBed.StartAsync();
        using var folder = new TempFolder();
        ExecPlugin(folder, "client.authentication.k8s.io/v1", DateTimeOffset.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ"));
        var path = folder.Write("config", KubeTestBed.Kubeconfig(api, ExecUser("client.authentication.k8s.io/v1")));

        var ex = Assert.ThrowsAsync<KubeApiException>(() => ListPodsAsync(KubeTestBed.Options(path)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Kind, Is.EqualTo(KubeApiError.Unauthorized));
            Assert.That(ex.Message, Does.Contain("exec plugin"));
            Assert.That(Runs(folder), Is.EqualTo(2));
        }
    }

    [Test]
    public async Task ExecPlugin_MissingCommand_ShowsTheInstallHint()
    {
        await using var api = await KubeTestBed.StartAsync();
        using var folder = new TempFolder();
        var path = folder.Write("config", KubeTestBed.Kubeconfig(api, ExecUser("client.authentication.k8s.io/v1", "no-such-auth-plugin-4711")));

        var ex = Assert.ThrowsAsync<KubeConfigException>(() => ListPodsAsync(KubeTestBed.Options(path)));

        Assert.That(ex.Message, Does.Contain("'no-such-auth-plugin-4711' cannot be started").And.Contain("Install fake-auth from the test."));
        Assert.That(ex.Message, Does.StartWith(path + ":"));
    }
}
