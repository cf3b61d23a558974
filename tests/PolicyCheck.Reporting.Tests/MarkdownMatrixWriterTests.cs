using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Reporting.Matrix;
using static PolicyCheck.Reporting.Tests.WriterInputs;

namespace PolicyCheck.Reporting.Tests;

public sealed class MarkdownMatrixWriterTests
{
    private const string Note = "Rows are sources, columns destinations; the diagonal shows traffic between replicas of a workload.\n";

    [Test]
    public void Write_GroupedShop_GroupsAsRowsWithMembersInLegend()
    {
        var expected =
            "1. shop/cart, shop/checkout (2 subjects: Deployment, ingress-isolated)\n" +
            "2. shop/db (StatefulSet, 2 replicas, ingress-isolated)\n" +
            "3. ext:0.0.0.0/0, ext:::/0 (2 subjects: External)\n" +
            "\n" +
            @"| from \\ to | 1 | 2 | 3 |" + "\n" +
            "| --- | :-: | :-: | :-: |\n" +
            "| **1** shop/cart +1 | TCP 8080 | TCP 5432 | all |\n" +
            "| **2** shop/db | · | · | all |\n" +
            "| **3** ext:0.0.0.0/0 +1 | · | · | · |\n" +
            "\n" +
            "Rows are sources, columns destinations, both groups of equivalent subjects; the diagonal shows traffic between different pods of a group.\n" +
            "\n" +
            "5 subjects in 3 groups, 10 of 20 pairs allowed, isolated: 3 ingress, 0 egress\n";

        Assert.That(Render(MatrixFormat.Markdown, MatrixReport.ForAll(GroupedShop.Matrix()).Grouped()), Is.EqualTo(expected));
    }

    [Test]
    public void Write_GroupedManyMembers_ListsTenThenMore()
    {
        var text = Render(MatrixFormat.Markdown, MatrixReport.ForAll(GroupedShop.TwelveAlike()).Grouped());

        Assert.That(text, Does.StartWith("1. x/p01, x/p02, x/p03, x/p04, x/p05, x/p06, x/p07, x/p08, x/p09, x/p10 +2 more (12 subjects: Pod)\n"));
    }

    [Test]
    public void Write_TwoPods_LegendAndFullPortSets()
    {
        var expected =
            "1. x/a (Pod)\n" +
            "2. x/b (Deployment, 2 replicas)\n" +
            "\n" +
            @"| from \\ to | 1 | 2 |" + "\n" +
            "| --- | :-: | :-: |\n" +
            "| **1** x/a | all | TCP 80,443; UDP 53 |\n" +
            "| **2** x/b | · | TCP 80 |\n" +
            "\n" +
            Note +
            "\n" +
            "2 subjects, 1 of 2 pairs allowed, isolated: 0 ingress, 0 egress\n";

        Assert.That(Render(MatrixFormat.Markdown, TwoPods()), Is.EqualTo(expected));
    }

    [Test]
    public void Write_PortQuery_ChecksAndCrosses()
    {
        var expected =
            "Reachability on port **80/TCP**\n" +
            "\n" +
            "1. x/a (Pod)\n" +
            "2. x/b (Deployment, 2 replicas)\n" +
            "\n" +
            @"| from \\ to | 1 | 2 |" + "\n" +
            "| --- | :-: | :-: |\n" +
            "| **1** x/a | ✓ | ✓ |\n" +
            "| **2** x/b | ✗ | ✓ |\n" +
            "\n" +
            Note +
            "\n" +
            "2 subjects, 1 of 2 pairs allow 80/TCP, isolated: 0 ingress, 0 egress\n";

        Assert.That(Render(MatrixFormat.Markdown, TwoPods(), PortQuery.Of(80)), Is.EqualTo(expected));
    }

    [Test]
    [Description("GFM spec, tables: a pipe inside a cell must be escaped as \\|.")]
    public void Write_IdWithPipeAndMarkup_IsEscaped()
    {
        var matrix = ReachabilityMatrix.FromConnections(
            [SampleMatrix.Workload(WorkloadKind.Pod, "x", "a", id: "x/a|b*c_[Pod]")], []);

        var text = Render(MatrixFormat.Markdown, matrix);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain(@"1. x/a\|b\*c\_\[Pod\] (Pod)" + "\n"));
            Assert.That(text, Does.Contain(@"| **1** x/a\|b\*c\_\[Pod\] | all |" + "\n"));
        }
    }

    [Test]
    public void Write_ShopCluster_MatchesSnapshot() =>
        Snapshot.Match(Render(MatrixFormat.Markdown, SampleMatrix.Shop()), "md");

    [Test]
    public void Write_NoSubjects_OnlySummary() =>
        Assert.That(
            Render(MatrixFormat.Markdown, new MatrixReport(SampleMatrix.Shop(), [])),
            Is.EqualTo("0 subjects, 0 of 0 pairs allowed, isolated: 0 ingress, 0 egress\n"));
}
