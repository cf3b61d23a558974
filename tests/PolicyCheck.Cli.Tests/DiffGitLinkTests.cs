using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests;

/// <summary>
/// Issue #12: <c>diff --git REF</c> reads the manifests at REF as the work tree gives them. A policy reached through a
/// committed symbolic link counts on the ref side too, so widening it fails <c>--fail-on-new-connections</c>; a link
/// out of the repository is an input error (exit 2) named by its repository path, never the temporary copy's.
/// Expected connections follow from the Kubernetes docs: a pod selected by an Ingress policy with no rule admits
/// nothing but itself; a rule with a podSelector peer admits those pods on its ports.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
[Category(TestCategories.External)]
public sealed class DiffGitLinkTests
{
    private const string Pods = """
        apiVersion: v1
        kind: Pod
        metadata: {name: a, namespace: x, labels: {app: a}}
        spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: b, namespace: x, labels: {app: b}}
        spec: {containers: [{name: c, image: nginx}]}
        """;

    /// <summary>x/a isolated for ingress with no rule: nothing reaches it.</summary>
    private const string DenyA = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: a-ingress, namespace: x}
        spec: {podSelector: {matchLabels: {app: a}}, policyTypes: [Ingress]}
        """;

    /// <summary>The same policy widened: x/b may reach x/a on TCP 80.</summary>
    private const string WidenedA = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: a-ingress, namespace: x}
        spec:
          podSelector: {matchLabels: {app: a}}
          policyTypes: [Ingress]
          ingress:
          - from: [{podSelector: {matchLabels: {app: b}}}]
            ports: [{port: 80}]
        """;

    [Test]
    public async Task Git_PolicyBehindCommittedLinkWidenedInWorkTree_GateFails()
    {
        var root = RepositoryWithLinkedPolicy();
        File.WriteAllText(Path.Combine(root, "k8s", "generated", "policy.txt"), WidenedA);

        var result = await CliRunner.RunAsync("diff", "--git", "HEAD", Path.Combine(root, "k8s"), "--no-config", "--fail-on-new-connections");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.Output + result.Error);
            Assert.That(result.Output, Does.Contain(": +1 connection, −0, 0 new findings"));
            Assert.That(result.Output, Does.Contain("+ x/b -> x/a: TCP 80"));
        }
    }

    [Test]
    public async Task Git_PolicyBehindCommittedLinkWidenedAtHeadRef_GateFails()
    {
        var root = RepositoryWithLinkedPolicy();
        File.WriteAllText(Path.Combine(root, "k8s", "generated", "policy.txt"), WidenedA);
        TestGit.Run(root, "commit", "-q", "-am", "widen");

        var result = await CliRunner.RunAsync("diff", "--git", "HEAD~1", "--head-git", "HEAD", Path.Combine(root, "k8s"), "--no-config", "--fail-on-new-connections");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.Output + result.Error);
            Assert.That(result.Output, Does.Contain("+ x/b -> x/a: TCP 80"));
        }
    }

    [Test]
    public async Task Git_CommittedLinkLeavingTheRepository_ExitsTwoNamingTheRepositoryPath()
    {
        var outside = TempFolder.Scratch();
        var root = Path.Combine(outside, "repo");
        Directory.CreateDirectory(Path.Combine(root, "k8s"));
        File.WriteAllText(Path.Combine(root, "k8s", "pods.yaml"), Pods + "---\n" + DenyA);
        File.WriteAllText(Path.Combine(outside, "wide.yaml"), WidenedA.Replace("a-ingress", "from-outside", StringComparison.Ordinal));
        File.CreateSymbolicLink(Path.Combine(root, "k8s", "wide.yaml"), "../../wide.yaml");
        Commit(root);

        var result = await CliRunner.RunAsync("diff", "--git", "HEAD", Path.Combine(root, "k8s"), "--no-config", "--fail-on-new-connections");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Output + result.Error);
            Assert.That(result.Error, Does.Contain("error PC0051: 'HEAD:k8s/wide.yaml' is a symbolic link to a path outside"));
            Assert.That(result.Error, Does.Not.Contain("policycheck-diff-"), "the temporary copy is an implementation detail");
            Assert.That(result.Output, Does.Contain(": +0 connections, −0"), "the outside file is read on neither side");
        }
    }

    [Test]
    public async Task Git_CommittedLinkLeavingTheInput_MessageShowsRepositoryPathsOnly()
    {
        var root = Repository();
        Directory.CreateDirectory(Path.Combine(root, "k8s"));
        Directory.CreateDirectory(Path.Combine(root, "shared"));
        File.WriteAllText(Path.Combine(root, "k8s", "pods.yaml"), Pods);
        File.WriteAllText(Path.Combine(root, "shared", "policy.yaml"), DenyA);
        File.CreateSymbolicLink(Path.Combine(root, "k8s", "policy.yaml"), "../shared/policy.yaml");
        Commit(root);

        var result = await CliRunner.RunAsync("diff", "--git", "HEAD", Path.Combine(root, "k8s"), "--no-config");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Output + result.Error);
            Assert.That(result.Error, Does.Contain("error PC0051: 'HEAD:k8s/policy.yaml' is a symbolic link to a path outside the input 'HEAD:k8s'; it is not followed."));
            Assert.That(result.Error, Does.Not.Contain("policycheck-diff-"), "the temporary copy is an implementation detail");
        }
    }

    /// <summary>
    /// k8s/pods.yaml and k8s/policy.yaml, a committed link to k8s/generated/policy.txt (not a manifest name, so
    /// only the link makes it one) holding <see cref="DenyA"/>.
    /// </summary>
    private static string RepositoryWithLinkedPolicy()
    {
        var root = Repository();
        Directory.CreateDirectory(Path.Combine(root, "k8s", "generated"));
        File.WriteAllText(Path.Combine(root, "k8s", "pods.yaml"), Pods);
        File.WriteAllText(Path.Combine(root, "k8s", "generated", "policy.txt"), DenyA);
        File.CreateSymbolicLink(Path.Combine(root, "k8s", "policy.yaml"), "generated/policy.txt");
        Commit(root);
        return root;
    }

    private static string Repository()
    {
        var root = TempFolder.Scratch();
        TestGit.Run(root, "init", "-q", "-b", "main");
        return root;
    }

    private static void Commit(string root)
    {
        if (!Directory.Exists(Path.Combine(root, ".git")))
            TestGit.Run(root, "init", "-q", "-b", "main");
        TestGit.Run(root, "add", "-A");
        TestGit.Run(root, "commit", "-q", "-m", "manifests");
    }
}
