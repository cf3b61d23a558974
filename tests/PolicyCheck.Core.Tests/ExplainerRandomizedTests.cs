using System.Globalization;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Explain;
using PolicyCheck.TestKit;

namespace PolicyCheck.Core.Tests;

/// <summary>
/// Explain must never disagree with the matrix: on seeded random clusters, for every ordered pair of subjects
/// (externals and the diagonal included), the explained allowed set equals the engine's cell, and for a few ports
/// (numbered and named) the explained yes/no equals <see cref="PortQuery.IsAllowed"/>. Set
/// <c>POLICYCHECK_SEEDS</c> to <c>first:count</c> (or one seed) to replay or widen the run.
/// </summary>
[TestFixture(IpBlockPodMatching.Match, HostNetworkPodHandling.Ignore, EndPortHandling.Honor, SctpSupport.Supported)]
[TestFixture(IpBlockPodMatching.Ignore, HostNetworkPodHandling.Ignore, EndPortHandling.Honor, SctpSupport.Supported)]
[TestFixture(IpBlockPodMatching.Match, HostNetworkPodHandling.Select, EndPortHandling.Honor, SctpSupport.Supported)]
[TestFixture(IpBlockPodMatching.Ignore, HostNetworkPodHandling.Select, EndPortHandling.Ignore, SctpSupport.Unsupported)]
[Category(TestCategories.Randomized)]
[Parallelizable(ParallelScope.Fixtures)]
public sealed class ExplainerRandomizedTests(IpBlockPodMatching ipBlockPods, HostNetworkPodHandling hostNetworkPods, EndPortHandling endPort, SctpSupport sctp)
{
    private const int DefaultSeeds = 3000;
    private const int DefaultWideSeeds = 20;

    private static readonly PortQuery[] Ports =
    [
        PortQuery.Of(80),
        PortQuery.Of(53, Model.Protocol.Udp),
        PortQuery.Of(8080, Model.Protocol.Sctp),
        PortQuery.Named("http"),
        PortQuery.Named("dns"),
    ];

    private readonly EvaluationOptions _options = new(ipBlockPods, hostNetworkPods, endPort, sctp);

    [Test]
    public void Explain_RandomClusters_AgreesWithEvaluator() => AssertAgreement(ClusterShape.Small, DefaultSeeds);

    [Test]
    [Description("Wide clusters: many policies per pod, many port numbers and nested CIDRs.")]
    public void Explain_WideRandomClusters_AgreesWithEvaluator() => AssertAgreement(ClusterShape.Wide, DefaultWideSeeds);

    private void AssertAgreement(ClusterShape shape, int defaultCount)
    {
        var (first, count) = SeedRange(defaultCount);
        var pairs = 0;
        for (var seed = first; seed < first + count; seed++)
        {
            var cluster = RandomCluster.Generate(seed, shape);
            var matrix = Evaluator.Evaluate(cluster, _options);
            var subjects = matrix.Subjects;
            for (var from = 0; from < subjects.Length; from++)
            {
                for (var to = 0; to < subjects.Length; to++)
                {
                    pairs++;
                    var expected = matrix.Allowed(from, to);
                    var explained = Explainer.Explain(cluster, subjects[from], subjects[to], _options);
                    var named = Explainer.Explain(cluster, subjects[from], subjects[to], _options, null, LastAddress(subjects[from]), LastAddress(subjects[to]));
                    if (!named.Allowed.Equals(expected))
                        Assert.Fail(Mismatch(seed, shape, subjects[from].Id, subjects[to].Id, "all ports, last addresses named", expected.ToString(), named.Allowed.ToString(), cluster));
                    if (!explained.Allowed.Equals(expected))
                        Assert.Fail(Mismatch(seed, shape, subjects[from].Id, subjects[to].Id, "all ports", expected.ToString(), explained.Allowed.ToString(), cluster));
                    if (explained.Verdict.Allowed != !expected.IsEmpty)
                        Assert.Fail(Mismatch(seed, shape, subjects[from].Id, subjects[to].Id, "verdict", (!expected.IsEmpty).ToString(), explained.Verdict.Allowed.ToString(), cluster));

                    foreach (var port in Ports)
                    {
                        var cell = port.IsAllowed(matrix, from, to);
                        var answer = Explainer.Explain(cluster, subjects[from], subjects[to], _options, port);
                        if (answer.Verdict.Allowed != cell)
                            Assert.Fail(Mismatch(seed, shape, subjects[from].Id, subjects[to].Id, port.ToString(), cell.ToString(), answer.Verdict.Allowed.ToString(), cluster));
                    }
                }
            }
        }

        TestContext.Out.WriteLine($"{count} {shape} seeds from {first}, {pairs} pairs ({_options}).");
        Assert.That(pairs, Is.GreaterThan(count), "the random clusters had no pairs to explain");
    }

    /// <summary>For an external subject, its last address as a host CIDR, as if the user had named it; null for a workload.</summary>
    private static Model.IpCidr? LastAddress(Subject subject)
    {
        if (!subject.IsExternal)
            return null;
        var last = subject.Ranges[^1].Last;
        var bits = last.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
        Assert.That(Model.IpCidr.TryParse($"{last}/{bits}", out var cidr), Is.True);
        return cidr;
    }

    private string Mismatch(int seed, ClusterShape shape, string from, string to, string what, string expected, string actual, Model.Cluster cluster) =>
        $"seed {seed} ({shape}, {_options}): {from} -> {to} on {what}: matrix says {expected}, explain says {actual}\n{ClusterDump.ToYaml(cluster)}";

    private static (int First, int Count) SeedRange(int defaultCount)
    {
        var text = Environment.GetEnvironmentVariable("POLICYCHECK_SEEDS");
        if (string.IsNullOrWhiteSpace(text))
            return (0, defaultCount);
        var parts = text.Split(':');
        var first = int.Parse(parts[0], CultureInfo.InvariantCulture);
        return (first, parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 1);
    }
}
