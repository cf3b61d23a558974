using PolicyCheck.Core.Engine;
using PolicyCheck.Reporting.Matrix;
using static PolicyCheck.Reporting.Tests.WriterInputs;

namespace PolicyCheck.Reporting.Tests;

/// <summary>The summary a terminal gets instead of a matrix too large to read.</summary>
public sealed class OverviewMatrixWriterTests
{
    [Test]
    public void Write_Storefront_CountsAndLargestGroupsFirst()
    {
        var report = MatrixReport.ForAll(GroupedShop.Storefront(), render: new RenderOptions(Width: 110)).Grouped();
        var expected =
            "subjects       13 (10 workloads, 3 external)\n" +
            "groups         6 (3 with two or more members)\n" +
            "allowed pairs  34 of 156 (21.8%)\n" +
            "isolated       10 ingress, 6 egress\n" +
            "\n" +
            "largest groups:\n" +
            "  g4  shop/web-account, shop/web-cart +4 more (6 subjects: Deployment, ingress-isolated, egress-isolated)\n" +
            "  g1  shop/api-orders, shop/api-stock (2 subjects: Deployment, ingress-isolated)\n" +
            "  g6  ext:10.0.0.0/8, ext:::/0 (2 subjects: External)\n";

        Assert.That(Render(MatrixFormat.Overview, report), Is.EqualTo(expected));
    }

    [Test]
    public void Write_PortQuery_CountsPairsAllowingThePort()
    {
        var report = MatrixReport.ForAll(GroupedShop.Storefront(), PortQuery.Of(443)).Grouped();

        var expected =
            "subjects                13 (10 workloads, 3 external)\n" +
            "groups                  6 (3 with two or more members)\n" +
            "pairs allowing 443/TCP  18 of 156 (11.5%)\n" +
            "isolated                10 ingress, 6 egress\n";

        Assert.That(Render(MatrixFormat.Overview, report), Does.StartWith(expected), "web to the outside but 10/8, and api, cache and db to all of it");
    }

    [Test]
    public void Write_NoGroupOfTwo_SaysSo()
    {
        var text = Render(MatrixFormat.Overview, MatrixReport.ForAll(SampleMatrix.Shop()).Grouped());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.StartWith("subjects       5 (4 workloads, 1 external)\ngroups         5 (0 with two or more members)\n"));
            Assert.That(text, Does.EndWith("\nlargest groups: none, no two subjects are alike\n"));
        }
    }

    [Test]
    public void Write_WithoutGroups_OnlyTheCounts()
    {
        var expected =
            "subjects       5 (4 workloads, 1 external)\n" +
            "allowed pairs  11 of 20 (55.0%)\n" +
            "isolated       2 ingress, 1 egress\n";

        Assert.That(Render(MatrixFormat.Overview, SampleMatrix.Shop()), Is.EqualTo(expected));
    }

    [Test]
    public void Write_NothingShown_NoShareOfZeroPairs() =>
        Assert.That(
            Render(MatrixFormat.Overview, new MatrixReport(SampleMatrix.Shop(), [])),
            Does.Contain("allowed pairs  0 of 0\n"));
}
