using PolicyCheck.TestKit;

namespace PolicyCheck.Kube.Tests;

public sealed partial class KubeClientTests
{
    private static string Config(string currentContext, string clusters, string contexts, string users) => $"""
        apiVersion: v1
        kind: Config
        {currentContext}
        clusters:
        {clusters}
        contexts:
        {contexts}
        users:
        {users}
        """;

    private static string ClusterEntry(string name, string server, string? caData) =>
        $"- name: {name}\n  cluster:\n    server: {server}" + (caData is null ? string.Empty : $"\n    certificate-authority-data: {caData}");

    private static string ContextEntry(string name, string cluster, string user) => $"- name: {name}\n  context:\n    cluster: {cluster}\n    user: {user}";

    private static string TokenUser(string name, string token) => $"- name: {name}\n  user:\n    token: {token}";

    [Description("kubectl docs, 'Organizing Cluster Access Using kubeconfig Files': the first file to set a value or map key wins")]
    [Test]
    public async Task Create_KubeconfigList_FirstFileWinsForEachNameAndCurrentContext()
    {
        await using var api = await KubeTestBed.StartAsync();
        using var folder = new TempFolder();
        var first = folder.Write("a/config", Config("current-context: one",
            ClusterEntry("shared", api.Server.ToString(), api.Authority.CertificateData),
            ContextEntry("one", "shared", "u"),
            TokenUser("u", KubeTestBed.Token)));
        var second = folder.Write("b/config", Config("current-context: two",
            ClusterEntry("shared", "https://127.0.0.1:1", null) + "\n" + ClusterEntry("other", api.Server.ToString(), api.Authority.CertificateData),
            ContextEntry("one", "other", "u") + "\n" + ContextEntry("two", "other", "v"),
            TokenUser("u", "wrong") + "\n" + TokenUser("v", KubeTestBed.Token)));
        var environment = new Dictionary<string, string?> { ["KUBECONFIG"] = $"{first}:{folder.Root}/missing:{second}" };

        using var client = KubeClient.Create(new KubeConnectionOptions(Environment: environment));
        var pods = await client.ListAsync(KubeResource.Pods, null, CancellationToken.None);
        using var other = KubeClient.Create(new KubeConnectionOptions(Context: "two", Environment: environment));
        var otherPods = await other.ListAsync(KubeResource.Pods, null, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(client.ContextName, Is.EqualTo("one"));
            Assert.That(client.Server, Is.EqualTo(api.Server));
            Assert.That(pods, Has.Count.EqualTo(5));
            Assert.That(other.ContextName, Is.EqualTo("two"));
            Assert.That(otherPods, Has.Count.EqualTo(5));
        }
    }

    [Test]
    public async Task Create_CurrentContextOnlyInSecondFile_UsesIt()
    {
        await using var api = await KubeTestBed.StartAsync();
        using var folder = new TempFolder();
        var first = folder.Write("a", Config(string.Empty, ClusterEntry("c", api.Server.ToString(), api.Authority.CertificateData),
            ContextEntry("x", "c", "u"), TokenUser("u", KubeTestBed.Token)));
        var second = folder.Write("b", "current-context: x\n");

        using var client = KubeClient.Create(new KubeConnectionOptions(Environment: new Dictionary<string, string?> { ["KUBECONFIG"] = $"{first}:{second}" }));

        Assert.That(client.ContextName, Is.EqualTo("x"));
    }

    [Test]
    public void Create_NoKubeconfigEnvironment_ReadsHomeKubeConfig()
    {
        using var folder = new TempFolder();
        folder.Write(".kube/config", Config("current-context: home", ClusterEntry("c", "https://10.0.0.1:6443", null),
            ContextEntry("home", "c", "u"), TokenUser("u", "t")));

        using var client = KubeClient.Create(new KubeConnectionOptions(Environment: new Dictionary<string, string?> { ["HOME"] = folder.Root }));

        Assert.That(client.Server, Is.EqualTo(new Uri("https://10.0.0.1:6443")));
    }

    [Test]
    public void Create_UnknownContext_ListsTheDefinedOnes()
    {
        using var folder = new TempFolder();
        var path = folder.Write("config", Config("current-context: a", ClusterEntry("c", "https://10.0.0.1:6443", null),
            ContextEntry("a", "c", "u") + "\n" + ContextEntry("b", "c", "u"), TokenUser("u", "t")));

        var ex = Assert.Throws<KubeConfigException>(() => KubeClient.Create(new KubeConnectionOptions(path, Context: "prod")));

        Assert.That(ex.Message, Is.EqualTo($"Context 'prod' is not defined in '{path}' (defined: 'a', 'b')."));
    }

    [Test]
    public void Create_ContextNamesMissingCluster_PointsAtTheLine()
    {
        using var folder = new TempFolder();
        var path = folder.Write("config", Config("current-context: a", ClusterEntry("c", "https://10.0.0.1:6443", null),
            ContextEntry("a", "nope", "u"), TokenUser("u", "t")));

        var ex = Assert.Throws<KubeConfigException>(() => KubeClient.Create(new KubeConnectionOptions(path)));

        Assert.That(ex.Message, Does.StartWith($"{path}:11:14: context 'a' names cluster 'nope', which is not defined (defined: 'c')"));
    }

    [Test]
    public void Create_YamlSyntaxError_NamesFileAndLine()
    {
        using var folder = new TempFolder();
        var path = folder.Write("config", "apiVersion: v1\nclusters:\n- name: c\n  cluster: {server: [https://x\n");

        var ex = Assert.Throws<KubeConfigException>(() => KubeClient.Create(new KubeConnectionOptions(path)));

        Assert.That(ex.Message, Does.Match($"^{System.Text.RegularExpressions.Regex.Escape(path)}:[45]:[0-9]+: The YAML is not valid: .+; the kubeconfig cannot be used\\.$"));
    }

    [Test]
    public void Create_RepeatedKey_NamesBothLines()
    {
        using var folder = new TempFolder();
        var path = folder.Write("config", "apiVersion: v1\ncurrent-context: a\nkind: Config\ncurrent-context: b\n");

        var ex = Assert.Throws<KubeConfigException>(() => KubeClient.Create(new KubeConnectionOptions(path)));

        Assert.That(ex.Message, Is.EqualTo($"{path}:4:1: Key 'current-context' appears twice in one mapping (first at line 2); the kubeconfig cannot be used."));
    }

    [Test]
    public void Create_ServerNotAUrl_NamesFileLineAndKey()
    {
        using var folder = new TempFolder();
        var path = folder.Write("config", Config("current-context: a", ClusterEntry("c", "10.0.0.1:6443", null), ContextEntry("a", "c", "u"), TokenUser("u", "t")));

        var ex = Assert.Throws<KubeConfigException>(() => KubeClient.Create(new KubeConnectionOptions(path)));

        Assert.That(ex.Message, Is.EqualTo($"{path}:7:13: 'server' of cluster 'c' must be an https:// (or http://) URL, not '10.0.0.1:6443'."));
    }

    [Test]
    public void Create_MissingExplicitKubeconfig_SaysSo()
    {
        var ex = Assert.Throws<KubeConfigException>(() => KubeClient.Create(new KubeConnectionOptions("/nonexistent/kubeconfig")));

        Assert.That(ex.Message, Is.EqualTo("Kubeconfig '/nonexistent/kubeconfig' does not exist."));
    }

    [Test]
    public async Task Create_InCluster_UsesServiceAccountTokenCaAndServiceEnvironment()
    {
        await using var api = await KubeTestBed.StartAsync();
        using var folder = new TempFolder();
        folder.Write("sa/token", KubeTestBed.Token);
        folder.Write("sa/ca.crt", api.Authority.CertificatePem);
        folder.Write("sa/namespace", "shop\n");
        var environment = new Dictionary<string, string?>
        {
            ["KUBERNETES_SERVICE_HOST"] = "127.0.0.1",
            ["KUBERNETES_SERVICE_PORT"] = api.Server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["HOME"] = folder.Root,
        };
        var options = new KubeConnectionOptions(Environment: environment) { ServiceAccountDirectory = Path.Combine(folder.Root, "sa") };

        using var client = KubeClient.Create(options);
        var pods = await client.ListAsync(KubeResource.Pods, client.InClusterNamespace, CancellationToken.None);
        using var explicitClient = KubeClient.Create(options with { InCluster = true });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(client.ContextName, Is.EqualTo("in-cluster"));
            Assert.That(client.InClusterNamespace, Is.EqualTo("shop"));
            Assert.That(pods, Has.Count.EqualTo(4));
            Assert.That(explicitClient.Server, Is.EqualTo(api.Server));
        }
    }

    [Test]
    public void Create_InClusterOutsideAPod_SaysTheVariablesAreMissing()
    {
        var ex = Assert.Throws<KubeConfigException>(() =>
            KubeClient.Create(new KubeConnectionOptions(InCluster: true, Environment: new Dictionary<string, string?>())));

        Assert.That(ex.Message, Does.Contain("KUBERNETES_SERVICE_HOST"));
    }

    [Test]
    public async Task ListAsync_InsecureSkipTlsVerify_ConnectsWithoutCa()
    {
        await using var api = await KubeTestBed.StartAsync();
        using var folder = new TempFolder();
        var path = folder.Write("config", Config("current-context: a",
            $"- name: c\n  cluster:\n    server: {api.Server}\n    insecure-skip-tls-verify: true",
            ContextEntry("a", "c", "u"), TokenUser("u", KubeTestBed.Token)));

        var pods = await ListPodsAsync(KubeTestBed.Options(path));

        Assert.That(pods, Has.Count.EqualTo(5));
    }

    [Test]
    public async Task FakeKubeApiKubeconfig_WithItsToken_Connects()
    {
        await using var api = await KubeTestBed.StartAsync();
        using var folder = new TempFolder();
        var path = folder.Write("config", api.Kubeconfig(KubeTestBed.Token, context: "kind-dev"));

        using var client = KubeClient.Create(KubeTestBed.Options(path));
        var namespaces = await client.ListAsync(KubeResource.Namespaces, null, CancellationToken.None);

        Assert.That(client.ContextName, Is.EqualTo("kind-dev"));
        Assert.That(Names(namespaces), Is.EqualTo("db,shop"));
    }
}
