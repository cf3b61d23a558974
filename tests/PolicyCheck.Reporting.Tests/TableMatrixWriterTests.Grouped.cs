using PolicyCheck.Core.Engine;
using PolicyCheck.Reporting.Matrix;
using static PolicyCheck.Reporting.Tests.WriterInputs;

namespace PolicyCheck.Reporting.Tests;

/// <summary>The terminal table with <c>--group-equivalent</c>: groups as rows and columns.</summary>
public sealed partial class TableMatrixWriterTests
{
    private static string RenderGrouped(ReachabilityMatrix matrix, PortQuery? port = null, int width = 120, bool color = false) =>
        Render(MatrixFormat.Table, MatrixReport.ForAll(matrix, port, new RenderOptions(color, width)).Grouped());

    [Test]
    public void Write_GroupedShop_LegendListsMembersAndRowsAreGroups()
    {
        var expected =
            "[1] shop/cart, shop/checkout (2 subjects: Deployment, ingress-isolated)\n" +
            "[2] shop/db (StatefulSet, 2 replicas, ingress-isolated)\n" +
            "[3] ext:0.0.0.0/0, ext:::/0 (2 subjects: External)\n" +
            "\n" +
            @"from \ to             1      2      3" + "\n" +
            "[1] shop/cart +1      T8080  T5432  all\n" +
            "[2] shop/db           -      -      all\n" +
            "[3] ext:0.0.0.0/0 +1  -      -      -\n" +
            "\n" +
            "key: T/U/S = TCP/UDP/SCTP, T* = every TCP port, - = nothing; diagonal: between different pods of a group\n" +
            "5 subjects in 3 groups, 10 of 20 pairs allowed, isolated: 3 ingress, 0 egress\n";

        Assert.That(RenderGrouped(GroupedShop.Matrix()), Is.EqualTo(expected));
    }

    [Test]
    public void Write_GroupedShopPortQuery_YesOrDashWithinOnDiagonal()
    {
        var expected =
            "[1] shop/cart, shop/checkout (2 subjects: Deployment, ingress-isolated)\n" +
            "[2] shop/db (StatefulSet, 2 replicas, ingress-isolated)\n" +
            "[3] ext:0.0.0.0/0, ext:::/0 (2 subjects: External)\n" +
            "\n" +
            @"from \ to             1    2  3" + "\n" +
            "[1] shop/cart +1      yes  -  yes\n" +
            "[2] shop/db           -    -  yes\n" +
            "[3] ext:0.0.0.0/0 +1  -    -  -\n" +
            "\n" +
            "key: yes = 8080/TCP allowed, - = not allowed; diagonal: between different pods of a group\n" +
            "5 subjects in 3 groups, 8 of 20 pairs allow 8080/TCP, isolated: 3 ingress, 0 egress\n";

        Assert.That(RenderGrouped(GroupedShop.Matrix(), PortQuery.Of(8080)), Is.EqualTo(expected));
    }

    [Test]
    public void Write_GroupedManyMembers_LegendListsWhatFitsThenMore()
    {
        var lines = RenderGrouped(GroupedShop.TwelveAlike(), width: 60).Split('\n');

        using (Assert.EnterMultipleScope())
        {
            // 59 characters; one more member would make it 66.
            Assert.That(lines[0], Is.EqualTo("[1] x/p01, x/p02, x/p03, x/p04 +8 more (12 subjects: Pod)"));
            Assert.That(lines[4], Does.StartWith("[1] x/p01 +11  "));
            Assert.That(lines[^2], Is.EqualTo("14 subjects in 2 groups, 180 of 182 pairs allowed, isolated: 0 ingress, 0 egress"));
        }
    }

    [Test]
    public void Write_GroupedNarrowTerminal_StillNamesTheFirstMember()
    {
        var lines = RenderGrouped(GroupedShop.TwelveAlike(), width: 20).Split('\n');

        Assert.That(lines[0], Is.EqualTo("[1] x/p01 +11 more (12 subjects: Pod)"));
    }

    [Test]
    public void Write_GroupedOneMemberEach_SameTableAsUngroupedButKeyAndSummary()
    {
        var plain = Render(MatrixFormat.Table, SampleMatrix.Shop()).Split('\n');
        var grouped = RenderGrouped(SampleMatrix.Shop()).Split('\n');

        using (Assert.EnterMultipleScope())
        {
            Assert.That(grouped[..^3], Is.EqualTo(plain[..^3]), "legend, rows, cells and footnotes");
            Assert.That(grouped[^2], Is.EqualTo("5 subjects in 5 groups, 11 of 20 pairs allowed, isolated: 2 ingress, 1 egress"));
        }
    }

    [Test]
    public void Write_GroupedColor_DiagonalColouredLikeOtherCells()
    {
        var text = RenderGrouped(GroupedShop.Matrix(), color: true);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text.Contains("[1] shop/cart +1      \e[33mT8080\e[0m", StringComparison.Ordinal), Is.True, text);
            Assert.That(text.Contains("[2] shop/db           \e[2m·\e[0m      \e[2m·\e[0m", StringComparison.Ordinal), Is.True, text);
        }
    }

    [Test]
    public void Write_GroupedRandomClusters_SummaryCountsTheSamePairsAsUngrouped()
    {
        PortQuery?[] ports = [null, PortQuery.Of(80), PortQuery.Named("http")];
        for (var seed = 0; seed < 200; seed++)
        {
            var matrix = Evaluator.Evaluate(RandomCluster.Generate(seed));
            foreach (var port in ports)
            {
                var report = MatrixReport.ForAll(matrix, port);
                var plain = Render(MatrixFormat.Table, report).Split('\n')[^2];
                var grouped = Render(MatrixFormat.Table, report.Grouped()).Split('\n')[^2];
                var groups = report.Grouped().Groups!.Count;

                Assert.That(grouped, Is.EqualTo(plain.Replace(" subjects,", $" subjects in {groups} {(groups == 1 ? "group" : "groups")},", StringComparison.Ordinal)),
                    $"seed {seed}, port {port?.ToString() ?? "none"}");
            }
        }
    }

    [Test]
    public void Write_GroupedStorefront_MatchesSnapshot() =>
        Snapshot.Match(RenderGrouped(GroupedShop.Storefront(), width: 80));
}
