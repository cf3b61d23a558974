using PolicyCheck.Core.Engine;
using PolicyCheck.TestKit;

namespace PolicyCheck.Manifests.Tests;

/// <summary>
/// Random clusters whose pods differ in labels within a controller (<see cref="PodLabelCluster"/>), loaded as
/// manifests: the subjects group only what no selector tells apart, and the grouped engine agrees with the reference
/// evaluator run on every pod separately. Each failure names its seed.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
[Category(TestCategories.Randomized)]
public sealed class PodSplittingRandomizedTests
{
    private const int Seeds = 400;

    [Test]
    public void Load_RandomPerPodLabels_SubjectsGroupOnlyWhatNoSelectorTellsApart()
    {
        var failures = new List<string>();
        for (var seed = 0; seed < Seeds && failures.Count < 5; seed++)
        {
            var generated = PodLabelCluster.Generate(seed);
            var result = ManifestLoader.LoadText(generated.Yaml, "random.yaml");
            var errors = result.Diagnostics.Where(d => d.Descriptor.DefaultSeverity == Core.Diagnostics.Severity.Error).ToList();
            if (errors.Count > 0)
                failures.Add($"seed {seed}: {errors[0]}");
            else if (PerPodReference.CheckGrouping(result.Cluster, generated.Pods) is { } difference)
                failures.Add($"seed {seed}: {difference}");
        }

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Evaluate_RandomPerPodLabels_AgreesWithReferenceOnEveryPodPair()
    {
        var failures = new List<string>();
        var split = 0;
        for (var seed = 0; seed < Seeds && failures.Count < 5; seed++)
        {
            var generated = PodLabelCluster.Generate(seed);
            var cluster = ManifestLoader.LoadText(generated.Yaml, "random.yaml").Cluster;
            split += cluster.Workloads.Any(w => w.Controller is not null) ? 1 : 0;
            var matrix = Evaluator.Evaluate(cluster);
            if (PerPodReference.Compare(cluster, matrix, generated.Pods, EvaluationOptions.Default) is { } difference)
                failures.Add($"seed {seed}: {difference}");
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failures, Is.Empty);
            Assert.That(split, Is.GreaterThan(Seeds / 4), "too few clusters had a split controller to test splitting");
        }
    }
}
