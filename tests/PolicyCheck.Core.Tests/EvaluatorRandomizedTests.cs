using System.Diagnostics;
using System.Globalization;
using PolicyCheck.Core.Engine;
using PolicyCheck.TestKit;

namespace PolicyCheck.Core.Tests;

/// <summary>
/// The fast engine against the plain <see cref="ReferenceEvaluator"/> on seeded random clusters, cell by cell at
/// every port where an answer can change and at every address where an external group can start or end. Set
/// <c>POLICYCHECK_SEEDS</c> to <c>first:count</c> (or one seed) to replay or widen the run.
/// </summary>
[TestFixture(IpBlockPodMatching.Match, HostNetworkPodHandling.Ignore, EndPortHandling.Honor, SctpSupport.Supported)]
[TestFixture(IpBlockPodMatching.Ignore, HostNetworkPodHandling.Ignore, EndPortHandling.Honor, SctpSupport.Supported)]
[TestFixture(IpBlockPodMatching.Match, HostNetworkPodHandling.Select, EndPortHandling.Honor, SctpSupport.Supported)]
[TestFixture(IpBlockPodMatching.Ignore, HostNetworkPodHandling.Select, EndPortHandling.Ignore, SctpSupport.Unsupported)]
[Category(TestCategories.Randomized)]
[Parallelizable(ParallelScope.Fixtures)]
public sealed class EvaluatorRandomizedTests(IpBlockPodMatching ipBlockPods, HostNetworkPodHandling hostNetworkPods, EndPortHandling endPort, SctpSupport sctp)
{
    private const int DefaultSeeds = 6000;
    private const int DefaultWideSeeds = 30;
    private const int BitsPerWord = 64;
    private const int MaxReportedSeeds = 10;

    private readonly EvaluationOptions _options = new(ipBlockPods, hostNetworkPods, endPort, sctp);

    [Test]
    public void Evaluate_RandomClusters_AgreesWithReference()
    {
        var (first, count) = SeedRange(DefaultSeeds);
        _ = AssertAgreement(first, count, ClusterShape.Small);
    }

    [Test]
    [Description("Wide clusters push port atoms and matrix nodes past 64, so the engine's bit sets span several words.")]
    public void Evaluate_WideRandomClusters_AgreesWithReference()
    {
        var (first, count) = SeedRange(DefaultWideSeeds);
        var widest = AssertAgreement(first, count, ClusterShape.Wide);

        if (count >= DefaultWideSeeds)
            Assert.That(widest, Is.GreaterThan(BitsPerWord), "no wide cluster had more matrix nodes than one bit-set word holds");
    }

    [Test]
    public void Evaluate_RandomClusters_ExternalRangesPartitionBothAddressSpaces()
    {
        var (first, count) = SeedRange(DefaultSeeds);
        for (var seed = first; seed < first + count; seed += 7)
        {
            var cluster = RandomCluster.Generate(seed);
            var failure = ReferenceComparison.CheckPartition(Evaluator.Evaluate(cluster, _options));
            Assert.That(failure, Is.Null, () => $"seed {seed}: {failure}\n{ClusterDump.ToYaml(cluster)}");
        }
    }

    [Test]
    public void Generate_SameSeed_SameCluster()
    {
        var first = ClusterDump.ToYaml(RandomCluster.Generate(42));
        var second = ClusterDump.ToYaml(RandomCluster.Generate(42));

        Assert.That(second, Is.EqualTo(first));
    }

    /// <summary>Compares every seed of the range; returns the largest node count (classes plus external groups) seen.</summary>
    private int AssertAgreement(int first, int count, ClusterShape shape)
    {
        var widest = 0;
        var failures = new List<string>();
        var failingSeeds = new List<int>();
        var stopwatch = Stopwatch.StartNew();
        for (var seed = first; seed < first + count; seed++)
        {
            var cluster = RandomCluster.Generate(seed, shape);
            var matrix = Evaluator.Evaluate(cluster, _options);
            widest = Math.Max(widest, matrix.ClassCount);
            var failure = ReferenceComparison.Compare(cluster, matrix, _options);
            if (failure is null)
                continue;
            failingSeeds.Add(seed);
            if (failures.Count < 1)
                failures.Add($"seed {seed} ({shape}, {_options}): {failure}\n{ClusterDump.ToYaml(cluster)}");
        }

        TestContext.Out.WriteLine($"{count} {shape} seeds from {first} in {stopwatch.Elapsed.TotalSeconds:F1} s ({_options}).");
        Assert.That(
            failingSeeds,
            Is.Empty,
            () => $"{failingSeeds.Count} of {count} {shape} seeds disagree, e.g. {string.Join(", ", failingSeeds.Take(MaxReportedSeeds))}. First:\n{string.Join("\n", failures)}");
        return widest;
    }

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
