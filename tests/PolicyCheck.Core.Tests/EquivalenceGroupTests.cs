using PolicyCheck.Core.Engine;
using PolicyCheck.TestKit;

namespace PolicyCheck.Core.Tests;

/// <summary>
/// --group-equivalent may only merge subjects that really are interchangeable: same row, same column, and members
/// allowing each other what <see cref="ReachabilityMatrix.WithinGroup"/> reports. Checked cell by cell.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class EquivalenceGroupTests
{
    [Test]
    public void EquivalenceGroups_RandomClusters_MembersAreInterchangeable()
    {
        var merged = 0;
        foreach (var shape in new[] { ClusterShape.Small, ClusterShape.Wide })
        {
            for (var seed = 0; seed < (shape == ClusterShape.Small ? 1500 : 20); seed++)
            {
                var matrix = Evaluator.Evaluate(RandomCluster.Generate(seed, shape));
                var all = Enumerable.Range(0, matrix.Subjects.Length).ToList();
                var groups = matrix.EquivalenceGroups(all);
                Assert.That(groups.SelectMany(g => g).Order(), Is.EqualTo(all), $"seed {seed}: groups must partition the subjects");
                foreach (var group in groups.Where(g => g.Length > 1))
                {
                    merged++;
                    var failure = Check(matrix, group);
                    Assert.That(failure, Is.Null, $"{shape} seed {seed}: {failure}");
                }
            }
        }

        Assert.That(merged, Is.GreaterThan(0), "no random cluster produced a group of two or more, so nothing was checked");
    }

    [Test]
    public void EquivalenceGroups_SameLabelsNoPolicyDifference_OneGroup()
    {
        var cluster = new ManifestBuilder()
            .Workload("shop/a", ("tier", "web"))
            .Workload("shop/b", ("tier", "web"))
            .Workload("shop/db", ("tier", "db"))
            .Policy("shop/db-from-web", p => p.Select(("tier", "db")).Ingress(r => r.Pods(("tier", "web"))))
            .Build();
        var matrix = Evaluator.Evaluate(cluster);

        var groups = matrix.EquivalenceGroups(Enumerable.Range(0, matrix.Subjects.Length))
            .Select(g => string.Join(",", g.Select(i => matrix.Subjects[i].Id)))
            .ToList();

        Assert.That(groups, Does.Contain("shop/a,shop/b"));
        Assert.That(groups, Does.Contain("shop/db"));
    }

    private static string? Check(ReachabilityMatrix matrix, System.Collections.Immutable.ImmutableArray<int> group)
    {
        var first = group[0];
        var within = matrix.WithinGroup(group);
        foreach (var member in group.Skip(1))
        {
            for (var x = 0; x < matrix.Subjects.Length; x++)
            {
                if (group.Contains(x))
                    continue;
                if (!matrix.Allowed(first, x).Equals(matrix.Allowed(member, x)))
                    return $"rows of {matrix.Subjects[first].Id} and {matrix.Subjects[member].Id} differ at {matrix.Subjects[x].Id}";
                if (!matrix.Allowed(x, first).Equals(matrix.Allowed(x, member)))
                    return $"columns of {matrix.Subjects[first].Id} and {matrix.Subjects[member].Id} differ at {matrix.Subjects[x].Id}";
            }

            if (!matrix.Allowed(first, member).Equals(within) || !matrix.Allowed(member, first).Equals(within))
                return $"{matrix.Subjects[first].Id} and {matrix.Subjects[member].Id} do not allow each other '{within}'";
        }

        return null;
    }
}
