using System.Text.Json;

namespace PolicyCheck.Cli.Tests;

/// <summary>
/// The strict profile judges a rule that allows everything (no peers and no ports: <c>egress: [{}]</c>,
/// <c>ingress: [{}]</c>) at least as loudly as the narrower rule to or from <c>ipBlock 0.0.0.0/0</c>, and an empty
/// peer list (<c>to: []</c>, <c>from: []</c>) exactly like an absent one. k8s API reference (NetworkPolicy v1): "If
/// this field is empty or missing, this rule matches all destinations" (likewise all sources), so the allow-all rule
/// admits every pod and every address, IPv4 and IPv6, a superset of what <c>0.0.0.0/0</c> admits.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class StrictProfileAllowAllTests
{
    private const string Workloads = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: web, ports: [{containerPort: 8080}]}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: default-deny, namespace: shop}
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
          egress:
            - to:
                - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
                  podSelector: {matchLabels: {k8s-app: kube-dns}}
              ports:
                - {port: 53, protocol: UDP}
                - {port: 53, protocol: TCP}
        ---

        """;

    private static string Open(string type, string rule) => Workloads + $$$"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web-open, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          policyTypes: [{{{type}}}]
          {{{rule}}}
        """;

    private static readonly string[] Order = ["none", "note", "warning", "error"];

    [TestCase("Egress", "egress: [{}]", "egress: [{to: [{ipBlock: {cidr: 0.0.0.0/0}}]}]")]
    [TestCase("Egress", "egress: [{to: []}]", "egress: [{to: [{ipBlock: {cidr: 0.0.0.0/0}}]}]")]
    [TestCase("Ingress", "ingress: [{}]", "ingress: [{from: [{ipBlock: {cidr: 0.0.0.0/0}}]}]")]
    [TestCase("Ingress", "ingress: [{from: []}]", "ingress: [{from: [{ipBlock: {cidr: 0.0.0.0/0}}]}]")]
    public async Task Strict_AllowAllRule_AtLeastAsLoudAsIpBlockToEverything(string type, string allowAll, string ipBlock)
    {
        var wide = await Strict(Open(type, allowAll));
        var narrow = await Strict(Open(type, ipBlock));

        // What both variants report (DNS, isolation) says nothing about the rule: compare what only one of them reports.
        Assert.That(Array.IndexOf(Order, Loudest(Except(wide, narrow))), Is.GreaterThanOrEqualTo(Array.IndexOf(Order, Loudest(Except(narrow, wide)))),
            $"allow-all: {string.Join("; ", wide)}\nipBlock: {string.Join("; ", narrow)}");
    }

    [Test]
    [Description("Egress to 0.0.0.0/0 without excepting 169.254.169.254 is a PC2004 error in strict; egress: [{}] reaches that address too.")]
    public async Task Strict_EgressAllowAll_IsAPc2004Error()
    {
        var findings = await Strict(Open("Egress", "egress: [{}]"));

        Assert.That(findings, Has.One.EqualTo("error PC2004"));
    }

    [TestCase("Egress", "egress: [{}]", "egress: [{to: []}]")]
    [TestCase("Ingress", "ingress: [{}]", "ingress: [{from: []}]")]
    public async Task Strict_EmptyPeerList_SameFindingsAsAbsentOne(string type, string absent, string empty)
    {
        var withAbsent = await Strict(Open(type, absent));
        var withEmpty = await Strict(Open(type, empty));

        Assert.That(withEmpty, Is.EqualTo(withAbsent));
    }

    /// <summary>The strict profile's findings as <c>SEVERITY ID</c>, in output order.</summary>
    private static async Task<List<string>> Strict(string yaml)
    {
        var result = await CliRunner.RunWithInputAsync(yaml, "lint", "-", "--profile", "strict", "--format", "json", "--fail-on", "none");
        Assert.That(result.ExitCode, Is.Zero, result.Error);
        using var document = JsonDocument.Parse(result.Output);
        return [.. document.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("severity").GetString()} {f.GetProperty("ruleId").GetString()}")];
    }

    /// <summary>The findings of <paramref name="a"/> left after removing, one for one, those <paramref name="b"/> also has.</summary>
    private static List<string> Except(List<string> a, List<string> b)
    {
        var rest = new List<string>(a);
        foreach (var finding in b)
            rest.Remove(finding);
        return rest;
    }

    private static string Loudest(List<string> findings) =>
        findings.Select(f => f.Split(' ')[0]).OrderBy(s => Array.IndexOf(Order, s)).LastOrDefault() ?? "none";
}
