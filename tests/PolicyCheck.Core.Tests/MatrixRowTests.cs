using System.Collections.Immutable;
using PolicyCheck.Core.Engine;
using PolicyCheck.TestKit;

namespace PolicyCheck.Core.Tests;

/// <summary>
/// Reading a whole row at once (what the JSON and CSV writers do) gives the same cells as reading them one by one,
/// whose agreement with the reference evaluator <see cref="EvaluatorRandomizedTests"/> checks, for subjects in any
/// order and for equivalence groups.
/// </summary>
public sealed class MatrixRowTests
{
    private const int Seeds = 300;

    [Test]
    public void AllowedRow_RandomClusters_EqualsCellByCell()
    {
        var checkedCells = 0;
        for (var seed = 0; seed < Seeds; seed++)
        {
            var matrix = Evaluator.Evaluate(RandomCluster.Generate(seed));
            var n = matrix.Subjects.Length;
            // Columns reversed and every third one left out, so neither subject order nor a full row is assumed.
            var columns = Enumerable.Range(0, n).Reverse().Where(i => i % 3 != 1).ToArray();
            var row = new PortSet[columns.Length];
            for (var from = 0; from < n; from++)
            {
                matrix.AllowedRow(from, columns, row);
                for (var i = 0; i < columns.Length; i++)
                {
                    Assert.That(row[i], Is.EqualTo(matrix.Allowed(from, columns[i])),
                        () => $"seed {seed}: {matrix.Subjects[from].Id} -> {matrix.Subjects[columns[i]].Id}");
                    checkedCells++;
                }
            }
        }

        Assert.That(checkedCells, Is.GreaterThan(Seeds * 10), "the random clusters were too small to compare rows");
    }

    [Test]
    public void AllowedRow_Groups_EqualsCellByCell()
    {
        var groupsWithSeveralMembers = 0;
        for (var seed = 0; seed < Seeds; seed++)
        {
            var matrix = Evaluator.Evaluate(RandomCluster.Generate(seed));
            var groups = SubjectGroups.Of(matrix, [.. Enumerable.Range(0, matrix.Subjects.Length)]);
            var row = new PortSet[groups.Count];
            for (var from = 0; from < groups.Count; from++)
            {
                if (groups.Members[from].Length > 1)
                    groupsWithSeveralMembers++;
                groups.AllowedRow(from, row);
                for (var to = 0; to < groups.Count; to++)
                    Assert.That(row[to], Is.EqualTo(groups.Allowed(from, to)), () => $"seed {seed}: g{from + 1} -> g{to + 1}");
            }
        }

        Assert.That(groupsWithSeveralMembers, Is.GreaterThan(0), "no random cluster had a group of several members, so the diagonal was not tested");
    }

    [Test]
    public void AllowedRow_IntoTooShort_Throws()
    {
        var matrix = Enumerable.Range(0, Seeds).Select(seed => Evaluator.Evaluate(RandomCluster.Generate(seed))).First(m => m.Subjects.Length >= 2);
        ImmutableArray<int> all = [.. Enumerable.Range(0, matrix.Subjects.Length)];
        Assert.That(() => matrix.AllowedRow(0, all.AsSpan(), new PortSet[all.Length - 1]), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
