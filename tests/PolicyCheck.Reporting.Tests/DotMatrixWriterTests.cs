using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Reporting.Matrix;
using static PolicyCheck.Reporting.Tests.WriterInputs;

namespace PolicyCheck.Reporting.Tests;

public sealed class DotMatrixWriterTests
{
    [Test]
    public void Write_TwoPods_NodesThenLabelledEdgeWithoutSelfLoops()
    {
        var expected =
            """
            digraph reachability {
              node [shape=box];
              "x/a" [label="x/a\nPod"];
              "x/b" [label="x/b\nDeployment"];
              "x/a" -> "x/b" [label="TCP 80,443; UDP 53"];
            }

            """;

        Assert.That(Render(MatrixFormat.Dot, TwoPods()), Is.EqualTo(expected));
    }

    [Test]
    public void Write_PortQuery_TitledGraphWithPlainEdges()
    {
        var expected =
            """
            digraph reachability {
              graph [label="port 80/TCP", labelloc=t];
              node [shape=box];
              "x/a" [label="x/a\nPod"];
              "x/b" [label="x/b\nDeployment"];
              "x/a" -> "x/b";
            }

            """;

        Assert.That(Render(MatrixFormat.Dot, TwoPods(), PortQuery.Of(80)), Is.EqualTo(expected));
    }

    [Test]
    public void Write_Shop_AllIsBoldExternalIsDashedEllipse()
    {
        var text = Render(MatrixFormat.Dot, SampleMatrix.Shop());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("  \"shop/debug\" -> \"shop/frontend\" [style=bold];\n"));
            Assert.That(text, Does.Contain("  \"ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255\" [label=\"ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255\\nExternal\", shape=ellipse, style=dashed];\n"));
            Assert.That(text, Does.Not.Contain("\"shop/debug\" -> \"shop/debug\""), "no self loops");
        }
    }

    [Test]
    [Description("Graphviz DOT language: in quoted strings only the double quote must be escaped; \\\\ keeps a backslash literal in labels.")]
    public void Write_IdWithQuoteAndBackslash_IsEscaped()
    {
        var matrix = ReachabilityMatrix.FromConnections(
            [SampleMatrix.Workload(WorkloadKind.Pod, "x", "q", id: "x/\"q\"\\")], []);

        Assert.That(Render(MatrixFormat.Dot, matrix), Does.Contain("  \"x/\\\"q\\\"\\\\\" [label=\"x/\\\"q\\\"\\\\\\nPod\"];\n"));
    }

    [Test]
    public void Write_ShopCluster_MatchesSnapshot() =>
        Snapshot.Match(Render(MatrixFormat.Dot, SampleMatrix.Shop()), "dot");
}
