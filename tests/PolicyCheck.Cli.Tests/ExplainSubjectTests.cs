namespace PolicyCheck.Cli.Tests;

/// <summary>
/// explain's ends as kubectl users name them, between-replica traffic, the side that denies, and the assumed cluster
/// DNS. Expected answers are worked out by hand from the manifest below and the Kubernetes semantics: web's
/// <c>ingress: []</c> admits nothing, not even its own other replica; client may send only DNS to kube-system's
/// <c>k8s-app=kube-dns</c> pods; a name without namespace is looked up in <c>-n</c>, else <c>default</c>, as kubectl does.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class ExplainSubjectTests
{
    private const string Manifests = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: default}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 8080}]}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: client, namespace: shop, labels: {app: client}}
        spec: {containers: [{name: c, image: curl}]}
        status: {podIP: 10.244.1.7, podIPs: [{ip: 10.244.1.7}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web-deny-in, namespace: default}
        spec:
          podSelector: {matchLabels: {app: web}}
          ingress: []
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: client-dns-only, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: client}}
          policyTypes: [Egress]
          egress:
          - to:
            - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
              podSelector: {matchLabels: {k8s-app: kube-dns}}
            ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
        """;

    [TestCase("web", "web")]
    [TestCase("deploy/web", "deployment/web")]
    [TestCase("default/deploy/web", "default/web")]
    public async Task Explain_WorkloadToItself_WithTwoReplicas_AnswersBetweenReplicas(string from, string to)
    {
        var result = await CliRunner.RunWithInputAsync(Manifests, "explain", "-", "--from", from, "--to", to);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
            Assert.That(result.Output, Does.StartWith("default/web -> default/web (between replicas): denied by the ingress of default/web (nothing is allowed)\n"));
            Assert.That(result.Output, Does.Contain("Both ends are the same workload, which has 2 pods"));
            Assert.That(result.Output, Does.Not.Contain("may always talk to itself"));
        }
    }

    [Test]
    public async Task Explain_BareName_UsesTheNamespaceOption()
    {
        var result = await CliRunner.RunWithInputAsync(Manifests, "explain", "-", "--from", "client", "-n", "shop", "--to", "default/web");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
            Assert.That(result.Output, Does.StartWith(
                "shop/client -> default/web: denied by both the egress of shop/client and the ingress of default/web (nothing is allowed)\n"));
        }
    }

    [Test]
    public async Task Explain_BareName_NotInDefault_SaysWhatDefaultHas()
    {
        var result = await CliRunner.RunWithInputAsync(Manifests, "explain", "-", "--from", "client", "--to", "web");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.UsageError));
            Assert.That(result.Error, Does.Contain("--from 'client' matches no subject. Namespace 'default' has: default/web."));
        }
    }

    [Test]
    public async Task Explain_AddressOfAKnownPod_ResolvesToThatPod()
    {
        var result = await CliRunner.RunWithInputAsync(Manifests, "explain", "-", "--from", "10.244.1.7", "--to", "web", "--port", "8080");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
            Assert.That(result.Output, Does.StartWith("shop/client -> default/web: 8080/TCP denied by both the egress of shop/client and the ingress of default/web\n"));
            Assert.That(result.Output, Does.Not.Contain("matches 2 subjects"));
        }
    }

    [Test]
    [Description("k8s docs: pods resolve names through the kube-dns Service in kube-system on port 53; the manifests lack it, so it is assumed and said so.")]
    public async Task Explain_ToAssumedClusterDns_Works_AndNamesTheAssumption()
    {
        var result = await CliRunner.RunWithInputAsync(Manifests, "explain", "-", "--from", "shop/client", "--to-service", "kube-dns.kube-system:53");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
            Assert.That(result.Output, Does.StartWith("Assumed: Not in the manifests, so assumed as most clusters install them: the Service kube-system/kube-dns and CoreDNS pods"));
            Assert.That(result.Output, Does.Contain("shop/client -> service kube-system/kube-dns (ClusterIP, kube-dns.kube-system.svc.cluster.local) port dns 53/UDP: reaches all"));
            Assert.That(result.Output, Does.Contain("port dns-tcp 53/TCP: reaches all"));
        }
    }

    [Test]
    public async Task List_UsesArrowAndBetweenReplicas()
    {
        var result = await CliRunner.RunWithInputAsync(Manifests, "list", "-", "--no-summary", "--focus", "shop/client");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo((int)ExitCode.Ok), result.Error);
            Assert.That(result.Output, Does.Not.Contain("=>"));
            Assert.That(result.Output, Does.Contain("ext:0.0.0.0/0 -> shop/client : all\n"));
            Assert.That(result.Output, Does.Contain("ext:::/0 -> shop/client : all\n"));
        }
    }
}
