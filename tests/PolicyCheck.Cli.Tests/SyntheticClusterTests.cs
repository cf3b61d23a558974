using PolicyCheck.Core.Engine;
using PolicyCheck.Manifests;
using PolicyCheck.Synth;
using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests;

/// <summary>
/// The benchmark generator's clusters, small enough for the reference evaluator, go through the real loader and
/// the fast engine and must agree with the reference cell by cell: the shapes benchmarks measure are the shapes
/// that are proven correct.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class SyntheticClusterTests
{
    [TestCase(1, 0)]
    [TestCase(2, 0)]
    [TestCase(3, 2, Description = "live-like pods with IPs, grouped under ReplicaSets and Deployments; ipBlocks then match pods")]
    [TestCase(4, 3)]
    public void Generated_SmallCluster_AgreesWithReference(int seed, int podsPerWorkload)
    {
        var folder = TempFolder.Scratch();
        new ClusterGenerator(new SynthOptions(Workloads: 36, Namespaces: 6, Policies: 30, Seed: seed, PodsPerWorkload: podsPerWorkload)).WriteTo(folder);

        var loaded = ManifestLoader.Load([folder]);

        Assert.That(loaded.Diagnostics.Where(d => d.Severity == Core.Diagnostics.Severity.Error), Is.Empty, "the generator writes valid manifests");
        Assert.That(loaded.Cluster.Workloads, Has.Length.EqualTo(37), "36 workloads plus CoreDNS, however many pods each has");
        foreach (var mode in new[] { IpBlockPodMatching.Match, IpBlockPodMatching.Ignore })
        {
            var options = new EvaluationOptions(mode);
            var failure = ReferenceComparison.Compare(loaded.Cluster, Evaluator.Evaluate(loaded.Cluster, options), options);
            Assert.That(failure, Is.Null, $"seed {seed}, {podsPerWorkload} pods per workload, ipBlock {mode}: {failure}");
        }
    }

    [Test]
    public void Generate_SameOptions_SameFiles()
    {
        var options = new SynthOptions(Workloads: 50, Namespaces: 5, Policies: 20, Seed: 9, PodsPerWorkload: 1);

        var first = new ClusterGenerator(options).Files().ToList();
        var second = new ClusterGenerator(options).Files().ToList();

        Assert.That(second, Is.EqualTo(first));
    }
}
