using PolicyCheck.Core.Engine;
using PolicyCheck.Reporting.Matrix;
using static PolicyCheck.Reporting.Tests.WriterInputs;

namespace PolicyCheck.Reporting.Tests;

public sealed partial class TableMatrixWriterTests
{
    [Test]
    public void Write_ColumnsWiderThanWidth_PagesColumnsAndRepeatsRowLabels()
    {
        var legend = string.Concat(Enumerable.Range(1, 6).Select(i => $"[{i}] x/p{i} (Pod)\n"));
        var rows = Enumerable.Range(1, 6).Select(i => $"[{i}] x/p{i}   all  all  all\n");
        var expected =
            legend +
            "\n" +
            "columns 1-3 of 6\n" +
            @"from \ to  1    2    3" + "\n" +
            string.Concat(rows) +
            "\n" +
            "columns 4-6 of 6\n" +
            @"from \ to  4    5    6" + "\n" +
            string.Concat(rows) +
            "\n" +
            PlainKey +
            "6 subjects, 30 of 30 pairs allowed, isolated: 0 ingress, 0 egress\n";

        Assert.That(Render(MatrixFormat.Table, SixPods(), render: new RenderOptions(Width: 25)), Is.EqualTo(expected));
    }

    [Test]
    [Description(
        "Six pods: labels 9 wide (the corner), columns 3 wide plus a gap of 2. In 35 five columns fit (9 + 25 = 34), " +
        "which would leave column 6 alone on a second page; rebalanced to 3 + 3, as at width 25.")]
    public void Write_LoneLastColumn_PagesRebalanced()
    {
        var text = Render(MatrixFormat.Table, SixPods(), render: new RenderOptions(Width: 35));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("\ncolumns 1-3 of 6\n" + @"from \ to  1    2    3" + "\n"));
            Assert.That(text, Does.Contain("\ncolumns 4-6 of 6\n" + @"from \ to  4    5    6" + "\n"));
            Assert.That(text, Does.Not.Contain("column 6 of 6"));
        }
    }

    [TestCase(10)]
    [TestCase(25)]
    [TestCase(33)]
    [TestCase(40)]
    public void Write_AnyWidth_TableLinesFitAndEveryColumnAppearsOnce(int width)
    {
        var text = Render(MatrixFormat.Table, SampleMatrix.Shop(), render: new RenderOptions(Width: width));
        var headers = text.Split('\n').Where(l => l.StartsWith(@"from \ to", StringComparison.Ordinal)).ToList();
        var rows = text.Split('\n').Where(l => l.StartsWith("[1] shop/front", StringComparison.Ordinal) && !l.Contains('(', StringComparison.Ordinal)).ToList();
        var columns = headers.SelectMany(h => h[9..].Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(string.Join(' ', columns), Is.EqualTo("1 2 3 4 5"));
            Assert.That(rows, Has.Count.EqualTo(headers.Count), "each page repeats the row labels");
            foreach (var line in headers.Concat(rows))
            {
                var columnCount = line.Split("  ", StringSplitOptions.RemoveEmptyEntries).Length - 1;
                if (columnCount > 1)
                    Assert.That(line, Has.Length.LessThanOrEqualTo(width), line);
            }
        }
    }

    [Test]
    public void Write_WideEnough_DoesNotPage() =>
        Assert.That(Render(MatrixFormat.Table, SixPods(), render: new RenderOptions(Width: 39)), Does.Not.Contain("columns"));

    [Test]
    public void Write_OneColumnPerPage_SaysColumn() =>
        Assert.That(
            Render(MatrixFormat.Table, SixPods(), render: new RenderOptions(Width: 12)),
            Does.Contain("\ncolumn 6 of 6\n" + @"from \ to  6" + "\n[1] x/p1   all\n"));

    [Test]
    public void Write_LongId_RowLabelCutButLegendFull()
    {
        var matrix = ReachabilityMatrix.FromConnections(
            [SampleMatrix.Pod("very-long-namespace", "very-long-name")], []);

        var text = Render(MatrixFormat.Table, matrix, render: new RenderOptions(Width: 60));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.StartWith("[1] very-long-namespace/very-long-name (Pod)\n"));
            Assert.That(text, Does.Contain("\n[1] very-long-nam...  all\n"));
        }
    }

    [Test]
    public void Write_NoColor_IsAsciiWithoutEscapes()
    {
        var texts = new[]
        {
            Render(MatrixFormat.Table, SampleMatrix.Shop()),
            Render(MatrixFormat.Table, SampleMatrix.Shop(), PortQuery.Of(53, Core.Model.Protocol.Udp)),
            Render(MatrixFormat.Table, SampleMatrix.Shop(), render: new RenderOptions(Width: 30)),
        };

        Assert.That(texts, Has.All.Matches<string>(t => t.All(char.IsAscii) && !t.Contains('\e', StringComparison.Ordinal)));
    }

    [Test]
    public void Write_Color_AnsiCodesPerTone()
    {
        var color = new RenderOptions(Color: true);
        var sets = Render(MatrixFormat.Table, TwoPods(), render: color);
        var port = Render(MatrixFormat.Table, TwoPods(), PortQuery.Of(80), color);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sets, Does.Contain("[1] x/a    \e[32mall\e[0m  \e[33mT80,443 U53\e[0m\n"));
            Assert.That(sets, Does.Contain("[2] x/b    \e[2m·\e[0m    \e[33mT80\e[0m\n"), "padding goes outside the colour");
            Assert.That(port, Does.Contain("[2] x/b    \e[2m✗\e[0m  \e[32m✓\e[0m\n"));
            Assert.That(port, Does.Contain("key: ✓ = 80/TCP allowed, ✗ = not allowed;"));
        }
    }

    [Test]
    public void Write_ColorPaged_UsesEnDashAndEllipsis()
    {
        var text = Render(MatrixFormat.Table, SixPods(), render: new RenderOptions(Color: true, Width: 25));

        Assert.That(text, Does.Contain("\ncolumns 4–6 of 6\n"));
    }
}
