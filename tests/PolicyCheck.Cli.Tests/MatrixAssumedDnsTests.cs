using System.Text.Json;

namespace PolicyCheck.Cli.Tests;

/// <summary>
/// The cluster DNS the inputs lack is assumed, and shown as assumed, once a policy restricts egress. k8s docs: pods
/// resolve names through the kube-dns Service in kube-system on port 53, so "deny all egress" cuts them off from it
/// while "deny all egress but DNS" does not; the two must not give the same matrix.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class MatrixAssumedDnsTests
{
    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: a, namespace: x, labels: {app: a}}
        spec: {containers: [{name: c, image: nginx}]}
        ---
        """;

    private const string DenyAllEgress = Pod + "\n" + """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny-egress, namespace: x}
        spec: {podSelector: {}, policyTypes: [Egress]}
        """;

    private const string DenyAllButDns = Pod + "\n" + """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: dns-only, namespace: x}
        spec:
          podSelector: {}
          policyTypes: [Egress]
          egress:
          - to:
            - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
              podSelector: {matchLabels: {k8s-app: kube-dns}}
            ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
        """;

    private static async Task<(JsonDocument Json, string Error)> Matrix(string manifests)
    {
        var result = await CliRunner.RunWithInputAsync(manifests, "matrix", "-", "--format", "json");
        Assert.That(result.ExitCode, Is.Zero, result.Error);
        return (JsonDocument.Parse(result.Output), result.Error);
    }

    private static bool Connects(JsonDocument json, string from, string to) =>
        json.RootElement.GetProperty("connections").EnumerateArray()
            .Any(c => c.GetProperty("from").GetString() == from && c.GetProperty("to").GetString() == to);

    [Test]
    public async Task DenyAllEgress_AndDenyAllButDns_DifferOnTheAssumedDns()
    {
        var (deny, denyError) = await Matrix(DenyAllEgress);
        var (dns, _) = await Matrix(DenyAllButDns);
        using (deny)
        using (dns)
        {
            var coredns = deny.RootElement.GetProperty("subjects").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "kube-system/coredns");
            using (Assert.EnterMultipleScope())
            {
                Assert.That(coredns.GetProperty("assumed").GetBoolean(), Is.True);
                Assert.That(Connects(deny, "x/a", "kube-system/coredns"), Is.False, "deny all egress: no DNS");
                Assert.That(Connects(dns, "x/a", "kube-system/coredns"), Is.True, "deny all but DNS: DNS");
                Assert.That(denyError, Does.Contain("policycheck: note: Not in the manifests, so assumed as most clusters install them"));
            }
        }
    }

    [Test]
    public async Task Table_LegendMarksTheAssumedDns()
    {
        var result = await CliRunner.RunWithInputAsync(DenyAllButDns, "matrix", "-");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Zero, result.Error);
            Assert.That(result.Output, Does.Contain("kube-system/coredns (Deployment, 2 replicas, assumed: not in the inputs)"));
        }
    }

    [Test]
    [Description("Without an egress policy every pod reaches the DNS anyway, so nothing is assumed.")]
    public async Task NoEgressPolicy_AssumesNothing()
    {
        var (json, error) = await Matrix(Pod);
        using (json)
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(json.RootElement.GetProperty("subjects").EnumerateArray().Select(s => s.GetProperty("id").GetString()),
                    Is.EqualTo(new[] { "x/a", "ext:0.0.0.0/0", "ext:::/0" }));
                Assert.That(error, Does.Not.Contain("assumed"));
            }
        }
    }
}
