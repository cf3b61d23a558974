using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Reporting.List;

namespace PolicyCheck.Reporting.Tests;

/// <summary>
/// Which pairs a <see cref="ListReport"/> lists, on <see cref="SampleMatrix.Shop"/>: 0 shop/frontend, 1 shop/db, 2
/// kube-system/coredns, 3 shop/debug, 4 the outside. Expected pairs are read off the sample's hand-written cells.
/// </summary>
public sealed class ListReportTests
{
    private static SubjectQuery Query(string text) =>
        SubjectQuery.TryParse(text, out var query, out var error) ? query! : throw new ArgumentException(error, nameof(text));

    private static PortQuery Port(string text) =>
        PortQuery.TryParse(text, out var query, out var error) ? query : throw new ArgumentException(error, nameof(text));

    /// <summary><c>from-&gt;to</c> for a listed pair, <c>from~</c> for listed traffic between replicas.</summary>
    private static List<string> Listed(ListReport report) =>
        [.. report.Entries().SelectMany(e => new[]
        {
            e.PairListed ? $"{e.From}->{e.To}" : null,
            e.BetweenReplicasListed ? $"{e.From}~" : null,
        }).OfType<string>()];

    [Test]
    public void Entries_Default_RowMajor_WithoutSelf_WithNonEmptyBetweenReplicas()
    {
        var report = ListReport.ForAll(SampleMatrix.Shop());

        Assert.That(Listed(report), Is.EqualTo(new[]
        {
            "0->1", "0->2", "0->4", // frontend's replicas may not reach each other: no line
            "1~", "1->2", "1->4",
            "2~", "2->4",
            "3->0", "3->1", "3->2", "3->4",
            "4->0",
        }));
    }

    [Test]
    public void Entries_IncludeSelf_AddsEachWorkloadToItself_NotTheOutside()
    {
        var report = ListReport.ForAll(SampleMatrix.Shop()) with { IncludeSelf = true };

        Assert.That(Listed(report), Is.EqualTo(new[]
        {
            "0->0", "0->1", "0->2", "0->4",
            "1->1", "1~", "1->2", "1->4",
            "2->2", "2~", "2->4",
            "3->0", "3->1", "3->2", "3->3", "3->4",
            "4->0",
        }));
    }

    [Test]
    public void Entries_SelfPair_IsAllWithBetweenReplicasSet()
    {
        var entry = ListReport.ForAll(SampleMatrix.Shop()).Entries().Single(e => e.IsSelf && e.From == 1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(entry.Allowed, Is.EqualTo(PortSet.All));
            Assert.That(entry.BetweenReplicas, Is.EqualTo(SampleMatrix.Tcp(5432)));
            Assert.That(entry.PairListed, Is.False);
        }
    }

    [Test]
    public void Entries_Focus_KeepsConnectionsFromOrToIt()
    {
        var report = ListReport.ForAll(SampleMatrix.Shop()) with { Focus = Query("shop/db") };

        Assert.That(Listed(report), Is.EqualTo(new[] { "0->1", "1~", "1->2", "1->4", "3->1" }));
    }

    [Test]
    public void Entries_FocusIngress_KeepsConnectionsIntoIt()
    {
        var report = ListReport.ForAll(SampleMatrix.Shop()) with { Focus = Query("shop/db"), Direction = Direction.Ingress };

        Assert.That(Listed(report), Is.EqualTo(new[] { "0->1", "1~", "3->1" }));
    }

    [Test]
    public void Entries_FocusEgress_KeepsConnectionsOutOfIt()
    {
        var report = ListReport.ForAll(SampleMatrix.Shop()) with { Focus = Query("shop/db"), Direction = Direction.Egress };

        Assert.That(Listed(report), Is.EqualTo(new[] { "1~", "1->2", "1->4" }));
    }

    [Test]
    public void Entries_FocusOnAddress_MatchesTheExternalSubject()
    {
        var report = ListReport.ForAll(SampleMatrix.Shop()) with { Focus = Query("203.0.113.7"), Direction = Direction.Egress };

        Assert.That(Listed(report), Is.EqualTo(new[] { "4->0" }));
    }

    [Test]
    public void Entries_FocusSelector_MatchesByLabels()
    {
        var report = ListReport.ForAll(SampleMatrix.Shop()) with { Focus = Query("app=frontend"), Direction = Direction.Ingress };

        Assert.That(Listed(report), Is.EqualTo(new[] { "3->0", "4->0" }));
    }

    [Test]
    public void Entries_NumberedPort_KeepsPairsAllowingIt()
    {
        var report = ListReport.ForAll(SampleMatrix.Shop()) with { Port = Port("5432/TCP") };

        Assert.That(Listed(report), Is.EqualTo(new[] { "0->1", "1~", "2~", "2->4", "3->0", "3->1", "3->2", "3->4" }));
    }

    [Test]
    public void Entries_NamedPort_ResolvesOnEachDestination()
    {
        // dns is UDP 53 on coredns only; no other destination has a port of that name.
        var report = ListReport.ForAll(SampleMatrix.Shop()) with { Port = Port("dns"), IncludeSelf = true };

        Assert.That(Listed(report), Is.EqualTo(new[] { "0->2", "1->2", "2->2", "2~", "3->2" }));
    }

    [Test]
    public void Entries_ShownSubset_ListsOnlyPairsWithBothEndsShown()
    {
        var report = new ListReport(SampleMatrix.Shop(), [1, 3, 4]);

        Assert.That(Listed(report), Is.EqualTo(new[] { "1~", "1->4", "3->1", "3->4" }));
    }

    [Test]
    public void Entries_SummaryOnly_ListsNothing()
    {
        var report = ListReport.ForAll(SampleMatrix.Shop()) with { ListConnections = false };

        Assert.That(report.Entries(), Is.Empty);
    }

    [Test]
    public void Entries_ReportsProgressPerRow()
    {
        var progress = new List<AnalysisProgress>();
        var report = ListReport.ForAll(SampleMatrix.Shop()) with { Progress = new SynchronousProgress(progress.Add) };

        _ = report.Entries().Count();

        Assert.That(progress.Select(p => (p.Done, p.Total)), Is.EqualTo(Enumerable.Range(1, 5).Select(i => ((long)i, 5L))));
    }

    [Test]
    public void Entries_DirectionWithoutFocus_Throws()
    {
        var report = ListReport.ForAll(SampleMatrix.Shop()) with { Direction = Direction.Ingress };

        Assert.That(() => report.Entries(), Throws.ArgumentException);
    }

    [Test]
    public void Entries_SubjectShownTwice_Throws() =>
        Assert.That(() => new ListReport(SampleMatrix.Shop(), [1, 1]).Entries(), Throws.ArgumentException);

    /// <summary>Reports on the calling thread, unlike <see cref="Progress{T}"/>.</summary>
    private sealed class SynchronousProgress(Action<AnalysisProgress> report) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value) => report(value);
    }
}
