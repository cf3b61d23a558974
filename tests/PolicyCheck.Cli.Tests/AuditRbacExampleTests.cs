using PolicyCheck.Kube;
using YamlDotNet.RepresentationModel;

namespace PolicyCheck.Cli.Tests;

/// <summary>
/// examples/audit-in-cluster grants exactly what the client asks for: list on every resource ClusterReader reads,
/// get on namespaces (for --namespace), and nothing else. The CronJob runs the in-cluster audit as that account.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class AuditRbacExampleTests
{
    private static string Folder => CliRunner.Example("audit-in-cluster");

    private static List<YamlMappingNode> Objects(string file)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Folder, file)))
            stream.Load(reader);
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    private static string Text(YamlNode node, params string[] path)
    {
        foreach (var key in path)
            node = ((YamlMappingNode)node)[key];
        return ((YamlScalarNode)node).Value!;
    }

    private static IEnumerable<string> Strings(YamlNode node, string key) =>
        ((YamlSequenceNode)((YamlMappingNode)node)[key]).Children.Select(c => ((YamlScalarNode)c).Value!);

    [Test]
    public void ClusterRole_GrantsExactlyTheRequestsTheClientMakes()
    {
        var role = Objects("rbac.yaml").Single(o => Text(o, "kind") == "ClusterRole");
        var granted = ((YamlSequenceNode)role["rules"]).Children
            .SelectMany(rule => from g in Strings(rule, "apiGroups")
                                from r in Strings(rule, "resources")
                                from v in Strings(rule, "verbs")
                                select $"{v} {(g.Length == 0 ? r : $"{r}.{g}")}")
            .Order(StringComparer.Ordinal)
            .ToList();
        // ClusterReader lists every resource it reads, and gets the one namespace of --namespace.
        var used = ClusterReader.Resources.Select(r => $"list {r.QualifiedName}")
            .Append($"get {KubeResource.Namespaces.QualifiedName}")
            .Order(StringComparer.Ordinal)
            .ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(granted, Is.EqualTo(used));
            Assert.That(granted, Has.None.Contains("secrets").And.None.Contains("*"));
            Assert.That(granted.Select(g => g.Split(' ')[0]).Distinct(), Is.SubsetOf(new[] { "get", "list" }));
        }
    }

    [Test]
    public void Binding_GivesTheRoleToTheServiceAccountTheCronJobRunsAs()
    {
        var rbac = Objects("rbac.yaml");
        var account = rbac.Single(o => Text(o, "kind") == "ServiceAccount");
        var binding = rbac.Single(o => Text(o, "kind") == "ClusterRoleBinding");
        var subject = (YamlMappingNode)((YamlSequenceNode)binding["subjects"]).Children.Single();
        var cronJob = Objects("cronjob.yaml").Single();
        var pod = cronJob["spec"]["jobTemplate"]["spec"]["template"]["spec"];
        var container = ((YamlSequenceNode)pod["containers"]).Children.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Text(binding, "roleRef", "name"), Is.EqualTo(Text(rbac.Single(o => Text(o, "kind") == "ClusterRole"), "metadata", "name")));
            Assert.That((Text(subject, "name"), Text(subject, "namespace")), Is.EqualTo((Text(account, "metadata", "name"), Text(account, "metadata", "namespace"))));
            Assert.That(Text(pod, "serviceAccountName"), Is.EqualTo(Text(account, "metadata", "name")));
            Assert.That(Text(cronJob, "metadata", "namespace"), Is.EqualTo(Text(account, "metadata", "namespace")));
            Assert.That(Strings(container, "args").Take(5), Is.EqualTo(new[] { "audit", "--in-cluster", "lint", "-o", "sarif" }));
        }
    }

    [Test]
    public async Task CronJobArguments_ParseAsAnAudit()
    {
        var container = ((YamlSequenceNode)Objects("cronjob.yaml").Single()["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"]).Children.Single();

        var help = await CliRunner.RunAsync([.. Strings(container, "args"), "--help"]);

        Assert.That(help.ExitCode, Is.Zero, help.Error);
    }
}
