using System.Collections.Immutable;
using System.Text.Json;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Reporting.Matrix;
using static PolicyCheck.Reporting.Tests.WriterInputs;

namespace PolicyCheck.Reporting.Tests;

public sealed partial class JsonMatrixWriterTests
{
    private const string TwoPodsSubjects =
        """
          "subjects": [
            {
              "id": "x/a",
              "kind": "Pod",
              "namespace": "x",
              "name": "a",
              "labels": {},
              "replicas": 1,
              "isolated": {
                "ingress": false,
                "egress": false
              }
            },
            {
              "id": "x/b",
              "kind": "Deployment",
              "namespace": "x",
              "name": "b",
              "labels": {},
              "replicas": 2,
              "isolated": {
                "ingress": false,
                "egress": false
              }
            }
          ],
        """;

    [Test]
    public void Write_TwoPods_ExactDocument()
    {
        var expected =
            "{\n" +
            "  \"schema\": \"policycheck/matrix/v1\",\n" +
            "  \"networkPlugin\": {\n" +
            "    \"profile\": \"generic\",\n" +
            "    \"hostNetworkPods\": \"ignore\",\n" +
            "    \"ipBlockPods\": \"match\",\n" +
            "    \"endPort\": \"honor\",\n" +
            "    \"sctp\": \"supported\",\n" +
            "    \"nodeToLocalPods\": \"allowed\"\n" +
            "  },\n" +
            TwoPodsSubjects + "\n" +
            """
              "connections": [
                {
                  "from": "x/a",
                  "to": "x/a",
                  "allowed": "all"
                },
                {
                  "from": "x/a",
                  "to": "x/b",
                  "allowed": [
                    {
                      "protocol": "TCP",
                      "ports": [
                        [80, 80],
                        [443, 443]
                      ]
                    },
                    {
                      "protocol": "UDP",
                      "ports": [
                        [53, 53]
                      ]
                    }
                  ]
                },
                {
                  "from": "x/b",
                  "to": "x/b",
                  "allowed": "all",
                  "betweenReplicas": [
                    {
                      "protocol": "TCP",
                      "ports": [
                        [80, 80]
                      ]
                    }
                  ]
                }
              ]
            }

            """;

        Assert.That(Render(MatrixFormat.Json, TwoPods()), Is.EqualTo(expected));
    }

    [Test]
    public void Write_PortQuery_ExactDocument()
    {
        var expected =
            "{\n" +
            "  \"schema\": \"policycheck/matrix/v1\",\n" +
            "  \"networkPlugin\": {\n" +
            "    \"profile\": \"generic\",\n" +
            "    \"hostNetworkPods\": \"ignore\",\n" +
            "    \"ipBlockPods\": \"match\",\n" +
            "    \"endPort\": \"honor\",\n" +
            "    \"sctp\": \"supported\",\n" +
            "    \"nodeToLocalPods\": \"allowed\"\n" +
            "  },\n" +
            "  \"port\": \"80/TCP\",\n" +
            TwoPodsSubjects + "\n" +
            """
              "connections": [
                {
                  "from": "x/a",
                  "to": "x/a",
                  "allowed": true
                },
                {
                  "from": "x/a",
                  "to": "x/b",
                  "allowed": true
                },
                {
                  "from": "x/b",
                  "to": "x/b",
                  "allowed": true,
                  "betweenReplicas": true
                }
              ]
            }

            """;

        Assert.That(Render(MatrixFormat.Json, TwoPods(), PortQuery.Of(80)), Is.EqualTo(expected));
    }

    [Test]
    public void Write_ShopCluster_MatchesSnapshot() =>
        Snapshot.Match(Render(MatrixFormat.Json, SampleMatrix.Shop()), "json");

    [Test]
    public void Write_ShopClusterPortQuery_MatchesSnapshot() =>
        Snapshot.Match(Render(MatrixFormat.Json, SampleMatrix.Shop(), PortQuery.Of(53, Protocol.Udp)), "json");

    [Test]
    public void Write_CrLfWriter_IndentsWithCrLf()
    {
        using var output = new StringWriter { NewLine = "\r\n" };
        MatrixWriters.Create(MatrixFormat.Json).Write(MatrixReport.ForAll(TwoPods()), output);

        Assert.That(output.ToString(), Does.StartWith("{\r\n  \"schema\"").And.EndWith("}\r\n").And.Not.Match("[^\r]\n"));
    }

    [Test]
    public void Write_LargeMatrix_StreamsInChunks()
    {
        ImmutableArray<Subject> subjects = [.. Enumerable.Range(0, 150).Select(i => SampleMatrix.Pod("big", $"pod-{i:D3}"))];
        var matrix = ReachabilityMatrix.FromConnections(
            subjects, from a in Enumerable.Range(0, 150) from b in Enumerable.Range(0, 150) select (a, b, SampleMatrix.Tcp(80)));
        using var output = new ChunkRecorder();

        MatrixWriters.Create(MatrixFormat.Json).Write(MatrixReport.ForAll(matrix), output);

        var text = output.ToString();
        using var document = JsonDocument.Parse(text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.RootElement.GetProperty("connections").GetArrayLength(), Is.EqualTo(150 * 150));
            Assert.That(output.Chunks, Is.GreaterThan(10), "written as it goes, not as one string at the end");
            Assert.That(output.LargestChunk, Is.LessThan(text.Length / 10));
        }
    }

    /// <summary>Records how the text arrives.</summary>
    private sealed class ChunkRecorder : StringWriter
    {
        public int Chunks { get; private set; }

        public int LargestChunk { get; private set; }

        public override void Write(string? value)
        {
            Chunks++;
            LargestChunk = Math.Max(LargestChunk, value?.Length ?? 0);
            base.Write(value);
        }
    }
}
