using System.Text.Json;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Reporting.Matrix;
using static PolicyCheck.Reporting.Tests.WriterInputs;

namespace PolicyCheck.Reporting.Tests;

/// <summary>The promises of docs/json-output.md, checked on the parsed document.</summary>
public sealed partial class JsonMatrixWriterTests
{
    private static JsonDocument Parse(ReachabilityMatrix matrix, PortQuery? port = null) =>
        JsonDocument.Parse(Render(MatrixFormat.Json, matrix, port));

    private static List<(string From, string To)> Pairs(JsonDocument document) =>
        [.. document.RootElement.GetProperty("connections").EnumerateArray()
            .Select(c => (c.GetProperty("from").GetString()!, c.GetProperty("to").GetString()!))];

    private static JsonElement Connection(JsonDocument document, string from, string to) =>
        document.RootElement.GetProperty("connections").EnumerateArray()
            .Single(c => c.GetProperty("from").GetString() == from && c.GetProperty("to").GetString() == to);

    [Test]
    public void Write_Shop_SchemaAndUniqueIdsInShownOrder()
    {
        using var document = Parse(SampleMatrix.Shop());
        var ids = document.RootElement.GetProperty("subjects").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        string[] expected = ["shop/frontend", "shop/db", "kube-system/coredns", "shop/debug", "ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255"];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.RootElement.GetProperty("schema").GetString(), Is.EqualTo("policycheck/matrix/v1"));
            Assert.That(document.RootElement.TryGetProperty("port", out _), Is.False);
            Assert.That(ids, Is.Unique);
            Assert.That(ids, Is.EqualTo(expected));
        }
    }

    [Test]
    public void Write_Shop_ConnectionsRowMajorWithoutEmptyPairs()
    {
        using var document = Parse(SampleMatrix.Shop());
        (string, string)[] expected =
        [
            ("shop/frontend", "shop/frontend"), ("shop/frontend", "shop/db"), ("shop/frontend", "kube-system/coredns"), ("shop/frontend", "ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255"),
            ("shop/db", "shop/db"), ("shop/db", "kube-system/coredns"), ("shop/db", "ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255"),
            ("kube-system/coredns", "kube-system/coredns"), ("kube-system/coredns", "ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255"),
            ("shop/debug", "shop/frontend"), ("shop/debug", "shop/db"), ("shop/debug", "kube-system/coredns"), ("shop/debug", "shop/debug"), ("shop/debug", "ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255"),
            ("ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255", "shop/frontend"),
        ];

        Assert.That(Pairs(document), Is.EqualTo(expected));
    }

    [Test]
    public void Write_Shop_DiagonalIsAllAndCarriesBetweenReplicasForSeveralPods()
    {
        using var document = Parse(SampleMatrix.Shop());
        var frontend = Connection(document, "shop/frontend", "shop/frontend");
        var db = Connection(document, "shop/db", "shop/db");
        var coredns = Connection(document, "kube-system/coredns", "kube-system/coredns");
        var debug = Connection(document, "shop/debug", "shop/debug");

        using (Assert.EnterMultipleScope())
        {
            foreach (var self in new[] { frontend, db, coredns, debug })
                Assert.That(self.GetProperty("allowed").GetString(), Is.EqualTo("all"));
            Assert.That(frontend.GetProperty("betweenReplicas").GetArrayLength(), Is.Zero, "frontend replicas may not talk");
            Assert.That(Compact(db.GetProperty("betweenReplicas").GetRawText()), Is.EqualTo(Compact("""[{"protocol":"TCP","ports":[[5432,5432]]}]""")));
            Assert.That(coredns.GetProperty("betweenReplicas").GetString(), Is.EqualTo("all"));
            Assert.That(debug.TryGetProperty("betweenReplicas", out _), Is.False, "a bare pod has no replicas");
        }
    }

    [Test]
    public void Write_Shop_PortSetsAsProtocolRanges()
    {
        using var document = Parse(SampleMatrix.Shop());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                Compact(Connection(document, "shop/frontend", "ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255").GetProperty("allowed").GetRawText()),
                Is.EqualTo(Compact("""[{"protocol":"TCP","ports":[[443,443],[8080,8090],[9000,9100]]},{"protocol":"UDP","ports":[[53,53]]}]""")));
            Assert.That(Connection(document, "shop/debug", "shop/frontend").GetProperty("allowed").GetString(), Is.EqualTo("all"));
        }
    }

    [Test]
    public void Write_Shop_WorkloadAndExternalFields()
    {
        using var document = Parse(SampleMatrix.Shop());
        var subjects = document.RootElement.GetProperty("subjects");
        var frontend = subjects[0];
        var db = subjects[1];
        var external = subjects[4];
        string[] ranges = ["0.0.0.0-9.255.255.255", "11.0.0.0-255.255.255.255"];
        string[] workloadOnly = ["namespace", "name", "labels", "replicas", "isolated"];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(frontend.GetProperty("kind").GetString(), Is.EqualTo("Deployment"));
            Assert.That(frontend.GetProperty("namespace").GetString(), Is.EqualTo("shop"));
            Assert.That(frontend.GetProperty("name").GetString(), Is.EqualTo("frontend"));
            Assert.That(Compact(frontend.GetProperty("labels").GetRawText()), Is.EqualTo(Compact("""{"app":"frontend","tier":"web"}""")));
            Assert.That(frontend.GetProperty("replicas").GetInt32(), Is.EqualTo(3));
            Assert.That(Compact(frontend.GetProperty("isolated").GetRawText()), Is.EqualTo(Compact("""{"ingress":true,"egress":false}""")));
            Assert.That(Compact(db.GetProperty("isolated").GetRawText()), Is.EqualTo(Compact("""{"ingress":true,"egress":true}""")));
            Assert.That(frontend.TryGetProperty("ranges", out _), Is.False);
            Assert.That(external.GetProperty("kind").GetString(), Is.EqualTo("External"));
            Assert.That(
                external.GetProperty("ranges").EnumerateArray().Select(r => r.GetString()),
                Is.EqualTo(ranges));
            foreach (var absent in workloadOnly)
                Assert.That(external.TryGetProperty(absent, out _), Is.False, absent);
        }
    }

    [Test]
    public void Write_PortQuery_ListsOnlyAllowedPairsAsTrue()
    {
        using var document = Parse(SampleMatrix.Shop(), PortQuery.Of(53, Protocol.Udp));
        (string, string)[] expected =
        [
            ("shop/frontend", "shop/frontend"), ("shop/frontend", "kube-system/coredns"), ("shop/frontend", "ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255"),
            ("shop/db", "shop/db"), ("shop/db", "kube-system/coredns"), ("shop/db", "ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255"),
            ("kube-system/coredns", "kube-system/coredns"), ("kube-system/coredns", "ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255"),
            ("shop/debug", "shop/frontend"), ("shop/debug", "kube-system/coredns"), ("shop/debug", "shop/debug"), ("shop/debug", "ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255"),
        ];
        var connections = document.RootElement.GetProperty("connections").EnumerateArray().ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.RootElement.GetProperty("port").GetString(), Is.EqualTo("53/UDP"));
            Assert.That(Pairs(document), Is.EqualTo(expected));
            Assert.That(connections.Select(c => c.GetProperty("allowed").ValueKind), Has.All.EqualTo(JsonValueKind.True));
            Assert.That(Connection(document, "shop/frontend", "shop/frontend").GetProperty("betweenReplicas").GetBoolean(), Is.False);
            Assert.That(Connection(document, "shop/db", "shop/db").GetProperty("betweenReplicas").GetBoolean(), Is.False, "db replicas: TCP 5432 only");
            Assert.That(Connection(document, "kube-system/coredns", "kube-system/coredns").GetProperty("betweenReplicas").GetBoolean(), Is.True);
            Assert.That(Connection(document, "shop/debug", "shop/debug").TryGetProperty("betweenReplicas", out _), Is.False);
        }
    }

    [Test]
    public void Write_NamedPort_OnlyDestinationsWithThatName()
    {
        using var document = Parse(SampleMatrix.Shop(), PortQuery.Named("http"));
        (string, string)[] expected = [("shop/frontend", "shop/frontend"), ("shop/debug", "shop/frontend"), ("ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255", "shop/frontend")];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.RootElement.GetProperty("port").GetString(), Is.EqualTo("http"));
            Assert.That(Pairs(document), Is.EqualTo(expected), "http is 8080/TCP on frontend and absent elsewhere");
        }
    }

    [Test]
    public void Write_ShownSubset_OnlyThoseSubjectsAndPairsInShownOrder()
    {
        var text = Render(MatrixFormat.Json, new MatrixReport(SampleMatrix.Shop(), [2, 0]));
        using var document = JsonDocument.Parse(text);
        (string, string)[] expected =
            [("kube-system/coredns", "kube-system/coredns"), ("shop/frontend", "kube-system/coredns"), ("shop/frontend", "shop/frontend")];
        string[] ids = ["kube-system/coredns", "shop/frontend"];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                document.RootElement.GetProperty("subjects").EnumerateArray().Select(s => s.GetProperty("id").GetString()),
                Is.EqualTo(ids));
            Assert.That(Pairs(document), Is.EqualTo(expected));
        }
    }

    [Test]
    public void Write_IPv6External_RangeIsFirstDashLast()
    {
        var matrix = ReachabilityMatrix.FromConnections([SampleMatrix.External(("2001:db8::", "2001:db8::ffff"))], []);
        using var document = Parse(matrix);
        var external = document.RootElement.GetProperty("subjects")[0];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(external.GetProperty("id").GetString(), Is.EqualTo("ext:2001:db8::/112"));
            Assert.That(external.GetProperty("ranges")[0].GetString(), Is.EqualTo("2001:db8::-2001:db8::ffff"));
            Assert.That(document.RootElement.GetProperty("connections").GetArrayLength(), Is.Zero, "outside to outside is never the cluster's");
        }
    }

    private static string Compact(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement);
    }
}
