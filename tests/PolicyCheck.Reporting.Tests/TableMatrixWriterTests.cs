using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Reporting.Matrix;
using static PolicyCheck.Reporting.Tests.WriterInputs;

namespace PolicyCheck.Reporting.Tests;

public sealed partial class TableMatrixWriterTests
{
    private const string PlainKey =
        "key: T/U/S = TCP/UDP/SCTP, T* = every TCP port, - = nothing; diagonal: between replicas of a workload\n";

    [Test]
    public void Write_TwoPods_LegendCompactCellsAndSummary()
    {
        var expected =
            "[1] x/a (Pod)\n" +
            "[2] x/b (Deployment, 2 replicas)\n" +
            "\n" +
            @"from \ to  1    2" + "\n" +
            "[1] x/a    all  T80,443 U53\n" +
            "[2] x/b    -    T80\n" +
            "\n" +
            PlainKey +
            "2 subjects, 1 of 2 pairs allowed, isolated: 0 ingress, 0 egress\n";

        Assert.That(Render(MatrixFormat.Table, TwoPods()), Is.EqualTo(expected));
    }

    [Test]
    public void Write_PortQuery_YesOrDashWithBetweenReplicasOnDiagonal()
    {
        var expected =
            "[1] x/a (Pod)\n" +
            "[2] x/b (Deployment, 2 replicas)\n" +
            "\n" +
            @"from \ to  1    2" + "\n" +
            "[1] x/a    yes  yes\n" +
            "[2] x/b    -    yes\n" +
            "\n" +
            "key: yes = 80/TCP allowed, - = not allowed; diagonal: between replicas of a workload\n" +
            "2 subjects, 1 of 2 pairs allow 80/TCP, isolated: 0 ingress, 0 egress\n";

        Assert.That(Render(MatrixFormat.Table, TwoPods(), PortQuery.Of(80)), Is.EqualTo(expected));
    }

    [Test]
    public void Write_PortNotAllowedBetweenReplicas_DiagonalSaysNo()
    {
        var text = Render(MatrixFormat.Table, TwoPods(), PortQuery.Of(443));

        Assert.That(text, Does.Contain("[2] x/b    -    -\n"));
    }

    [Test]
    public void Write_LongCell_BecomesFootnoteSharedBySameSet()
    {
        var text = Render(MatrixFormat.Table, SampleMatrix.Shop());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("\n[a] TCP 443,8080-8090,9000-9100; UDP 53\n"));
            Assert.That(text, Does.Not.Contain("[b]"), "frontend and db send the same set outside: one footnote");
            Assert.That(text.Split('\n').Count(l => l.StartsWith("[1] shop/frontend ", StringComparison.Ordinal) && l.EndsWith("[a]", StringComparison.Ordinal)), Is.EqualTo(1));
        }
    }

    [Test]
    public void Write_ShopCluster_MatchesSnapshot() =>
        Snapshot.Match(Render(MatrixFormat.Table, SampleMatrix.Shop()), "txt");

    [Test]
    public void Write_ShopClusterNamedPort_MatchesSnapshot() =>
        Snapshot.Match(Render(MatrixFormat.Table, SampleMatrix.Shop(), PortQuery.Named("dns")), "txt");

    [Test]
    public void Write_NoSubjects_OnlySummary() =>
        Assert.That(
            Render(MatrixFormat.Table, new MatrixReport(SampleMatrix.Shop(), [])),
            Is.EqualTo("0 subjects, 0 of 0 pairs allowed, isolated: 0 ingress, 0 egress\n"));

    [Test]
    public void Write_ShownSubset_FollowsShownOrder()
    {
        var text = Render(MatrixFormat.Table, new MatrixReport(SampleMatrix.Shop(), [3, 1]));

        Assert.That(text, Does.StartWith(
            "[1] shop/debug (Pod)\n" +
            "[2] shop/db (StatefulSet, 2 replicas, ingress-isolated, egress-isolated)\n" +
            "\n" +
            @"from \ to       1    2" + "\n" +
            "[1] shop/debug  all  T5432\n" +
            "[2] shop/db     -    T5432\n"));
    }

    [Test]
    public void Write_WholeProtocol_WritesStar()
    {
        var matrix = ReachabilityMatrix.FromConnections(
            [SampleMatrix.Pod("x", "a"), SampleMatrix.Pod("x", "b")],
            [(0, 1, PortSet.AllOf(Protocol.Udp).Union(SampleMatrix.Tcp(22)))]);

        Assert.That(Render(MatrixFormat.Table, matrix), Does.Contain("[1] x/a    all  T22 U*\n"));
    }
}
