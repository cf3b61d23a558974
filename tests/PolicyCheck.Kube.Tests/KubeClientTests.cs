using PolicyCheck.TestKit;
using PolicyCheck.TestKit.FakeKubeApi;

namespace PolicyCheck.Kube.Tests;

/// <summary>The client against a real HTTPS endpoint (<see cref="FakeKubeApi"/>) through real kubeconfig files.</summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed partial class KubeClientTests
{
    private static async Task<IReadOnlyList<System.Text.Json.Nodes.JsonObject>> ListPodsAsync(KubeConnectionOptions options, string? ns = null)
    {
        using var client = KubeClient.Create(options);
        return await client.ListAsync(KubeResource.Pods, ns, CancellationToken.None);
    }

    private static string Names(IEnumerable<System.Text.Json.Nodes.JsonObject> items) =>
        string.Join(",", items.Select(i => i["metadata"]!["name"]!.GetValue<string>()));

    private static string AllPodNames => string.Join(",", ClusterObjects.Pods.Select(p => p.Name));

    [Test]
    public async Task ListAsync_Token_ReturnsEveryPodWithApiVersionAndKind()
    {
        await using var api = await KubeTestBed.StartAsync();
        using var folder = new TempFolder();
        var path = folder.Write("config", KubeTestBed.Kubeconfig(api, $"    token: {KubeTestBed.Token}"));

        var pods = await ListPodsAsync(KubeTestBed.Options(path));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Names(pods), Is.EqualTo(AllPodNames));
            Assert.That(pods.Select(p => (string?)p["kind"]), Is.All.EqualTo("Pod"));
            Assert.That(pods.Select(p => (string?)p["apiVersion"]), Is.All.EqualTo("v1"));
            Assert.That((string?)pods[0]["status"]!["podIP"], Is.EqualTo("10.244.2.7"));
            Assert.That(api.Requests.Select(r => r.PathAndQuery), Is.EqualTo(new[] { "/api/v1/pods?limit=500" }));
        }
    }

    [Test]
    public async Task ListAsync_OneNamespace_UsesTheNamespacedPath()
    {
        await using var api = await KubeTestBed.StartAsync();
        using var folder = new TempFolder();
        var path = folder.Write("config", KubeTestBed.Kubeconfig(api, $"    token: {KubeTestBed.Token}"));
        using var client = KubeClient.Create(KubeTestBed.Options(path));

        var policies = await client.ListAsync(KubeResource.NetworkPolicies, "db", CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Names(policies), Is.EqualTo("db-from-shop"));
            Assert.That((string?)policies[0]["apiVersion"], Is.EqualTo("networking.k8s.io/v1"));
            Assert.That((string?)policies[0]["kind"], Is.EqualTo("NetworkPolicy"));
            Assert.That(api.Requests[0].Path, Is.EqualTo("/apis/networking.k8s.io/v1/namespaces/db/networkpolicies"));
            Assert.That(client.ContextName, Is.EqualTo("test"));
            Assert.That(client.Server, Is.EqualTo(api.Server));
        }
    }

    [Test]
    public async Task ClusterReader_AllNamespaces_ReadsTheFiveKindsInOrder()
    {
        await using var api = await KubeTestBed.StartAsync();
        using var folder = new TempFolder();
        var path = folder.Write("config", KubeTestBed.Kubeconfig(api, $"    token: {KubeTestBed.Token}"));
        using var client = KubeClient.Create(KubeTestBed.Options(path));
        var progress = new List<string>();

        var read = await ClusterReader.ReadAsync(client, null, new SynchronousProgress(progress), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(read.Context, Is.EqualTo("test"));
            Assert.That(read.Objects.Select(o => (string?)o["kind"]).Distinct(),
                Is.EqualTo(new[] { "Namespace", "Pod", "Service", "EndpointSlice", "NetworkPolicy" }));
            Assert.That(read.Objects, Has.Length.EqualTo(2 + 5 + 1 + 1 + 2));
            Assert.That(progress, Has.Some.Contains("Read 5 pods"));
            Assert.That(api.Requests.Select(r => r.Method), Is.All.EqualTo("GET"));
        }
    }

    [Test]
    public async Task ClusterReader_OneNamespace_GetsThatNamespaceAndListsInIt()
    {
        await using var api = await KubeTestBed.StartAsync();
        using var folder = new TempFolder();
        var path = folder.Write("config", KubeTestBed.Kubeconfig(api, $"    token: {KubeTestBed.Token}"));
        using var client = KubeClient.Create(KubeTestBed.Options(path));

        var read = await ClusterReader.ReadAsync(client, "shop", null, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(read.Objects.Where(o => (string?)o["kind"] == "Namespace").Select(o => (string?)o["metadata"]!["labels"]!["team"]),
                Is.EqualTo(new[] { "web" }));
            Assert.That(read.Objects.Count(o => (string?)o["kind"] == "Pod"), Is.EqualTo(4));
            Assert.That(api.Requests[0].Path, Is.EqualTo("/api/v1/namespaces/shop"));
            Assert.That(api.Requests.Skip(1).Select(r => r.Path), Is.All.Contains("/namespaces/shop/"));
        }
    }

    [Test]
    public async Task ClusterReader_NamespaceGetForbidden_StandsInWithTheMetadataNameLabel()
    {
        await using var api = await KubeTestBed.StartAsync(b => b.Forbid("get", "namespaces"));
        using var folder = new TempFolder();
        var path = folder.Write("config", KubeTestBed.Kubeconfig(api, $"    token: {KubeTestBed.Token}"));
        using var client = KubeClient.Create(KubeTestBed.Options(path));
        var progress = new List<string>();

        var read = await ClusterReader.ReadAsync(client, "shop", new SynchronousProgress(progress), CancellationToken.None);

        var ns = read.Objects.Single(o => (string?)o["kind"] == "Namespace");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)ns["metadata"]!["labels"]!["kubernetes.io/metadata.name"], Is.EqualTo("shop"));
            Assert.That(progress, Has.Some.Contains("forbidden"));
        }
    }

    /// <summary>Records reports as they happen (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class SynchronousProgress(List<string> lines) : IProgress<string>
    {
        public void Report(string value) => lines.Add(value);
    }
}
