using System.Text.Json;
using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests;

/// <summary>
/// <c>--cni</c>, the switches that override it, <c>cni:</c> in <c>.policycheck.yaml</c>, and the <c>networkPlugin</c>
/// record in every JSON and SARIF output. Expected values come from docs/semantics.md (the profile table) and the
/// hand-derived matrices of examples/network-plugins.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class NetworkPluginOptionTests
{
    private static readonly string Example = CliRunner.Example("network-plugins");

    private static JsonElement Plugin(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("networkPlugin").Clone();
    }

    private static JsonElement SarifPlugin(string sarif)
    {
        using var document = JsonDocument.Parse(sarif);
        return document.RootElement.GetProperty("runs")[0].GetProperty("properties").GetProperty("networkPlugin").Clone();
    }

    private static string Describe(JsonElement plugin) =>
        string.Join(' ', new[] { "profile", "hostNetworkPods", "ipBlockPods", "endPort", "sctp", "nodeToLocalPods" }
            .Select(name => $"{name}={plugin.GetProperty(name).GetString()}"));

    private static string Repository(string config)
    {
        var root = TempFolder.Scratch();
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        foreach (var file in Directory.GetFiles(Example, "*.yaml"))
            File.Copy(file, Path.Combine(root, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(root, ".policycheck.yaml"), config);
        return root;
    }

    [TestCase("matrix")]
    [TestCase("list")]
    [TestCase("lint")]
    [TestCase("services")]
    [Description("docs/semantics.md: the cilium profile is hostNetwork ignore, ipBlock pods ignore, endPort honoured, SCTP unsupported; every JSON document records it.")]
    public async Task Json_CiliumProfile_RecordsPluginModel(string command)
    {
        var result = await CliRunner.RunAsync(command, Example, "--no-config", "-o", "json", "--cni", "cilium");

        Assert.That(Describe(Plugin(result.Output)), Is.EqualTo(
            "profile=cilium hostNetworkPods=ignore ipBlockPods=ignore endPort=honor sctp=unsupported nodeToLocalPods=allowed"), result.Error);
    }

    [Test]
    public async Task Json_Explain_RecordsPluginModel()
    {
        var result = await CliRunner.RunAsync("explain", Example, "--no-config", "-o", "json", "--from", "telecom/probe", "--to", "telecom/db", "--cni", "antrea");

        Assert.That(Describe(Plugin(result.Output)), Is.EqualTo(
            "profile=antrea hostNetworkPods=ignore ipBlockPods=match endPort=honor sctp=supported nodeToLocalPods=allowed"), result.Error);
    }

    [Test]
    public async Task Json_Diff_RecordsPluginModel()
    {
        var result = await CliRunner.RunAsync("diff", Example, Example, "--no-config", "-o", "json", "--cni", "ovn-kubernetes");

        Assert.That(Describe(Plugin(result.Output)), Is.EqualTo(
            "profile=ovn-kubernetes hostNetworkPods=ignore ipBlockPods=match endPort=honor sctp=supported nodeToLocalPods=allowed"), result.Error);
    }

    [Test]
    [Description("docs/semantics.md: each switch overrides the profile; the record holds the values in force.")]
    public async Task Sarif_SwitchesOverrideProfile_RecordedInRunProperties()
    {
        var result = await CliRunner.RunAsync(
            "lint", Example, "--no-config", "-o", "sarif", "--fail-on", "none", "--cni", "cilium", "--sctp", "supported", "--hostnetwork-pods", "select", "--endport", "ignore");

        Assert.That(Describe(SarifPlugin(result.Output)), Is.EqualTo(
            "profile=cilium hostNetworkPods=select ipBlockPods=ignore endPort=ignore sctp=supported nodeToLocalPods=allowed"), result.Error);
    }

    [Test]
    public async Task Json_NoOption_RecordsGenericProfile()
    {
        var result = await CliRunner.RunAsync("matrix", Example, "--no-config", "-o", "json");

        Assert.That(Describe(Plugin(result.Output)), Is.EqualTo(
            "profile=generic hostNetworkPods=ignore ipBlockPods=match endPort=honor sctp=supported nodeToLocalPods=allowed"), result.Error);
    }

    [Test]
    [Description("examples/network-plugins/expected-matrix.txt: probe -> db is TCP 5432 under generic; '--ipblock-pods ignore' alone removes it (Cilium's choice) and keeps the SCTP rule.")]
    public async Task Matrix_IpBlockSwitchAlone_ChangesOnlyThatChoice()
    {
        var result = await CliRunner.RunAsync("list", Example, "--no-config", "--ipblock-pods", "ignore", "-o", "json");

        using var document = JsonDocument.Parse(result.Output);
        var pairs = document.RootElement.GetProperty("connections").EnumerateArray()
            .Select(c => $"{c.GetProperty("from").GetString()} -> {c.GetProperty("to").GetString()}")
            .ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(pairs, Does.Not.Contain("telecom/probe -> telecom/db"), result.Error);
            Assert.That(pairs, Does.Contain("telecom/probe -> telecom/diameter"));
        }
    }

    [Test]
    public async Task Table_NonGenericProfile_NamesModelInFooter()
    {
        var generic = await CliRunner.RunAsync("matrix", Example, "--no-config");
        var cilium = await CliRunner.RunAsync("matrix", Example, "--no-config", "--cni", "cilium");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(generic.Output, Does.Not.Contain("Network plugin:"));
            Assert.That(cilium.Output, Does.Contain("Network plugin: cilium (hostNetwork pods ignore, ipBlock pods ignore, endPort honor, SCTP unsupported)."));
        }
    }

    [Test]
    [Description("docs/configuration.md: cni: applies to every command with --cni.")]
    public async Task Config_Cni_AppliesToEveryCommand()
    {
        var root = Repository("cni: cilium\n");

        var matrix = await CliRunner.RunAsync("matrix", root, "-o", "json");
        var lint = await CliRunner.RunAsync("lint", root, "-o", "json", "--fail-on", "none");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Plugin(matrix.Output).GetProperty("profile").GetString(), Is.EqualTo("cilium"), matrix.Error);
            Assert.That(Plugin(lint.Output).GetProperty("profile").GetString(), Is.EqualTo("cilium"), lint.Error);
            Assert.That(lint.Output, Does.Contain("PC2015"), "the SCTP rule under a plugin without SCTP");
        }
    }

    [Test]
    [Description("docs/configuration.md: defaults.COMMAND.cni and the command line win over cni:.")]
    public async Task Config_CommandDefaultAndCommandLine_WinOverCni()
    {
        var root = Repository("cni: cilium\ndefaults:\n  matrix: {cni: antrea}\n");

        var matrix = await CliRunner.RunAsync("matrix", root, "-o", "json");
        var list = await CliRunner.RunAsync("list", root, "-o", "json");
        var given = await CliRunner.RunAsync("list", root, "-o", "json", "--cni", "calico");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Plugin(matrix.Output).GetProperty("profile").GetString(), Is.EqualTo("antrea"), matrix.Error);
            Assert.That(Plugin(list.Output).GetProperty("profile").GetString(), Is.EqualTo("cilium"), list.Error);
            Assert.That(Plugin(given.Output).GetProperty("profile").GetString(), Is.EqualTo("calico"), given.Error);
        }
    }

    [Test]
    public async Task Config_BadCni_ReportedAtItsLineWithNearestName()
    {
        var root = Repository("# the cluster's plugin\ncni: calcio\n");

        var result = await CliRunner.RunAsync("matrix", root);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError));
            Assert.That(result.Error, Does.Contain(".policycheck.yaml:2:6:").And.Contain("'calcio' is not a network plugin profile").And.Contain("Did you mean 'calico'?"));
        }
    }

    [TestCase("--cni", "cillium", "Did you mean 'cilium'?")]
    [TestCase("--hostnetwork-pods", "selct", "Did you mean 'select'?")]
    [TestCase("--endport", "honour", "Did you mean 'honor'?")]
    [TestCase("--sctp", "unsuported", "Did you mean 'unsupported'?")]
    public async Task BadValue_SuggestsNearest(string option, string value, string hint)
    {
        var result = await CliRunner.RunAsync("matrix", Example, "--no-config", option, value);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError));
            Assert.That(result.Error, Does.Contain($"'{value}' is not").And.Contain(hint));
        }
    }

    [Test]
    [Description("k8s docs: 'the policy will be applied only for the single port field' where the plugin lacks endPort; explain names the setting.")]
    public async Task Explain_EndPortIgnored_NamesSetting()
    {
        var root = TempFolder.Scratch();
        File.WriteAllText(Path.Combine(root, "ftp.yaml"), """
            apiVersion: v1
            kind: Pod
            metadata: {name: ftp, namespace: files, labels: {app: ftp}}
            spec:
              containers: [{name: ftp, image: ftp}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: client, namespace: files}
            spec:
              containers: [{name: client, image: client}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: passive, namespace: files}
            spec:
              podSelector: {matchLabels: {app: ftp}}
              ingress:
                - ports:
                    - {protocol: TCP, port: 30000, endPort: 30100}
            """);

        var result = await CliRunner.RunAsync("explain", root, "--no-config", "--from", "files/client", "--to", "files/ftp", "--port", "30050", "--endport", "ignore");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Output, Does.Contain("denied"), result.Error);
            Assert.That(result.Output, Does.Contain("TCP 30000 alone: the network plugin is assumed to ignore endPort 30100 (--endport=ignore)."));
        }
    }

    [Test]
    [Description("k8s docs: the plugin may 'apply NetworkPolicy to them like pod-network pods'; under --hostnetwork-pods=select the explanation names that assumption, which decides the verdict.")]
    public async Task Explain_HostNetworkSelected_NamesSetting()
    {
        var root = TempFolder.Scratch();
        File.WriteAllText(Path.Combine(root, "agent.yaml"), """
            apiVersion: v1
            kind: Pod
            metadata: {name: agent, namespace: infra, labels: {app: agent}}
            spec:
              hostNetwork: true
              containers: [{name: a, image: a, ports: [{containerPort: 9100}]}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: other, namespace: infra, labels: {app: other}}
            spec:
              containers: [{name: o, image: o}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: agent-none, namespace: infra}
            spec:
              podSelector: {matchLabels: {app: agent}}
              policyTypes: [Ingress]
            """);

        var ignored = await CliRunner.RunAsync("explain", root, "--no-config", "--from", "infra/other", "--to", "infra/agent");
        var selected = await CliRunner.RunAsync("explain", root, "--no-config", "--from", "infra/other", "--to", "infra/agent", "--hostnetwork-pods", "select");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ignored.Output, Does.StartWith("infra/other -> infra/agent: allowed all"), ignored.Error);
            Assert.That(selected.Output, Does.Contain("infra/other -> infra/agent: denied by the ingress of infra/agent"), selected.Error);
            Assert.That(selected.Output, Does.Contain("'infra/agent' uses hostNetwork, and the network plugin is assumed to select and isolate it like any pod (--hostnetwork-pods=select)."));
        }
    }
}
