using System.Collections.Immutable;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;
using PolicyCheck.Reporting.Services;

namespace PolicyCheck.Reporting.Tests;

/// <summary><c>matrix --services</c> pages its columns as the workload matrix does.</summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class ServiceMatrixPagingTests
{
    private const string Key = "all/k of n/none: backends reached on their targetPort; none?: depends on node addresses (externalTrafficPolicy Cluster); -: no endpoints\n";

    [Test]
    [Description(
        "Labels 'shop/client' (11); each column 'shop/x:80/TCP' is 13 wide plus a gap of 2. In 60, three columns fit " +
        "(11 + 45 = 56), so first fit would leave the fourth alone; rebalanced to 2 + 2 (41 each).")]
    public void WriteTable_FourColumnsInSixty_TwoPagesOfTwo()
    {
        var expected =
            "columns 1-2 of 4\n" +
            "client       shop/a:80/TCP  shop/b:80/TCP\n" +
            "shop/client  all            all\n" +
            "\n" +
            "columns 3-4 of 4\n" +
            "client       shop/c:80/TCP  shop/d:80/TCP\n" +
            "shop/client  all            all\n" +
            "\n" +
            Key;

        Assert.That(Write(60), Is.EqualTo(expected));
    }

    [Test]
    [Description("11 + 4 × 15 = 71 fits 120: one page, no 'columns' line.")]
    public void WriteTable_WideEnough_OnePage()
    {
        var expected =
            "client       shop/a:80/TCP  shop/b:80/TCP  shop/c:80/TCP  shop/d:80/TCP\n" +
            "shop/client  all            all            all            all\n" +
            "\n" +
            Key;

        Assert.That(Write(120), Is.EqualTo(expected));
    }

    [Test]
    public void WriteTable_ZeroWidth_Throws() =>
        Assert.That(() => Write(0), Throws.InstanceOf<ArgumentOutOfRangeException>());

    /// <summary>Four ClusterIP services a-d in front of shop/web (port 8080), no policy: the client reaches all of each.</summary>
    private static string Write(int width)
    {
        var cluster = new ManifestBuilder()
            .Workload("shop/web", w => w.Labels(("app", "web")).Port(8080, "http"))
            .Workload("shop/client", ("app", "client"))
            .Build();
        cluster = cluster with
        {
            Services =
            [
                .. "abcd".Select(name => new Service("shop", name.ToString(), ServiceType.ClusterIP, null, Labels.Of(("app", "web")),
                    [new ServicePort(null, Protocol.Tcp, 80, PortValue.Of(8080), null, SourceSpan.None)], null, null, null, SourceSpan.None)),
            ],
        };
        var matrix = Evaluator.Evaluate(cluster);
        var services = ServiceSummary.Build(cluster, new ServiceReachability(cluster, matrix));
        var clients = ImmutableArray.Create(Enumerable.Range(0, matrix.Subjects.Length).Where(i => matrix.Subjects[i].Id == "shop/client").ToArray());
        using var output = new StringWriter { NewLine = "\n" };
        ServiceMatrixWriter.WriteTable(services, clients, output, width);
        return output.ToString();
    }
}
