using PolicyCheck.Reporting.Formats;

namespace PolicyCheck.Reporting.Tests;

/// <summary>
/// Paging of wide tables. The cases use row labels 9 wide and a gap of 2, so a page of columns 3 wide costs 9 + 5
/// per column: 24 for three, 29 for four. Each expectation is worked out by hand in its description.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class ColumnPagesTests
{
    private const int Label = 9;
    private const int Gap = 2;

    [Test]
    [Description("Two columns take 9 + 5 + 5 = 19 of 120: one page.")]
    public void Split_AllFit_OnePage() =>
        Assert.That(ColumnPages.Split([3, 3], Label, 120, Gap), Is.EqualTo(new[] { (0, 2) }));

    [Test]
    [Description("Six columns, three fit in 25 (24): 3 + 3, no lone column, nothing to rebalance.")]
    public void Split_EvenPages_KeptAsFirstFit() =>
        Assert.That(ColumnPages.Split([3, 3, 3, 3, 3, 3], Label, 25, Gap), Is.EqualTo(new[] { (0, 3), (3, 6) }));

    [Test]
    [Description("Seven columns, three fit in 24: first fit gives 3, 3, 1; three pages of 2, 2, 3 fit as well (19, 19, 24).")]
    public void Split_LoneLastColumn_RebalancedEvenly() =>
        Assert.That(ColumnPages.Split([3, 3, 3, 3, 3, 3, 3], Label, 24, Gap), Is.EqualTo(new[] { (0, 2), (2, 4), (4, 7) }));

    [Test]
    [Description(
        "Six columns 3 wide and a last one 10 wide in 26: first fit gives 3, 3, 1. The even split 2, 2, 3 does not fit " +
        "(9 + 5 + 5 + 12 = 31), but moving the sixth column onto the last page does (9 + 5 + 12 = 26): 3, 2, 2.")]
    public void Split_LoneLastColumnUnevenWidths_MovesAColumnOver() =>
        Assert.That(ColumnPages.Split([3, 3, 3, 3, 3, 3, 10], Label, 26, Gap), Is.EqualTo(new[] { (0, 3), (3, 5), (5, 7) }));

    [Test]
    [Description(
        "A column 10 wide after four 3 wide, in 24: it fits beside no other (9 + 5 + 12 = 26), so first fit's 3, 1, 1 " +
        "stays; no split into three pages avoids a lone column.")]
    public void Split_ColumnFitsBesideNoOther_StaysAlone() =>
        Assert.That(ColumnPages.Split([3, 3, 3, 3, 10], Label, 24, Gap), Is.EqualTo(new[] { (0, 3), (3, 4), (4, 5) }));

    [Test]
    [Description("Width 12 holds no column beside the labels (14): one column per page, at least one each.")]
    public void Split_NarrowerThanOneColumn_OnePerPage() =>
        Assert.That(ColumnPages.Split([3, 3, 3], Label, 12, Gap), Is.EqualTo(new[] { (0, 1), (1, 2), (2, 3) }));

    [TestCase(1)]
    [TestCase(7)]
    [TestCase(13)]
    [TestCase(40)]
    public void Split_AnyCount_CoversEveryColumnOnceInOrderAndFits(int count)
    {
        var widths = Enumerable.Range(0, count).Select(i => 1 + (i * 7 % 5)).ToArray();

        var pages = ColumnPages.Split(widths, Label, 30, Gap);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(pages.SelectMany(p => Enumerable.Range(p.First, p.End - p.First)), Is.EqualTo(Enumerable.Range(0, count)));
            foreach (var (first, end) in pages.Where(p => p.End - p.First > 1))
                Assert.That(Label + widths[first..end].Sum(w => w + Gap), Is.LessThanOrEqualTo(30), $"page {first}-{end}");
        }
    }
}
