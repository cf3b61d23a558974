using System.Collections.Immutable;
using System.Text.Json;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Exposure;
using PolicyCheck.Core.Model;
using PolicyCheck.Reporting.List;

namespace PolicyCheck.Reporting.Tests;

/// <summary>
/// Every list format on <see cref="SampleMatrix.Shop"/>. The expected exposure is derived by hand from the sample's
/// cells: coredns is reached by frontend (TCP/UDP 53), db (UDP 53) and debug (all), so every other workload shares
/// UDP 53, while namespace shop as a whole (debug) reaches it on everything and kube-system holds no other workload;
/// the outside (one subject) reaches frontend on TCP 8080 only.
/// </summary>
public sealed class ListWriterTests
{
    private const string ShopConnections = """
        shop/frontend -> shop/db : TCP 5432
        shop/frontend -> kube-system/coredns : TCP 53; UDP 53
        shop/frontend -> ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255 : TCP 443,8080-8090,9000-9100; UDP 53
        shop/db -> shop/db (between replicas) : TCP 5432
        shop/db -> kube-system/coredns : UDP 53
        shop/db -> ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255 : TCP 443,8080-8090,9000-9100; UDP 53
        kube-system/coredns -> kube-system/coredns (between replicas) : all
        kube-system/coredns -> ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255 : all
        shop/debug -> shop/frontend : all
        shop/debug -> shop/db : TCP 5432
        shop/debug -> kube-system/coredns : all
        shop/debug -> ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255 : all
        ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255 -> shop/frontend : TCP 8080

        """;

    private const string ShopExposure = """
        Open to the whole cluster (every other workload may connect; 4 workloads):
          kube-system/coredns : UDP 53
        Open to all namespaces (some workload in every namespace may connect; 2 namespaces hold workloads):
          kube-system/coredns : all
        Open to outside addresses (1 outside subject):
          shop/frontend : TCP 8080, from every outside address
        Not isolated for ingress (every connection in is allowed):
          kube-system/coredns
          shop/debug
        Not isolated for egress (every connection out is allowed):
          shop/frontend
          kube-system/coredns
          shop/debug

        """;

    private static ListReport Shop(bool summary = true)
    {
        var matrix = SampleMatrix.Shop();
        return ListReport.ForAll(matrix, summary ? ExposureAnalysis.Analyze(matrix) : null);
    }

    private static string Write(ListFormat format, ListReport report)
    {
        using var output = new StringWriter { NewLine = "\n" };
        ListWriters.Create(format).Write(report, output);
        return output.ToString();
    }

    [Test]
    public void Text_Shop_ListsConnectionsThenExposure() =>
        Assert.That(Write(ListFormat.Text, Shop()), Is.EqualTo(ShopConnections + "\n" + ShopExposure));

    [Test]
    public void Text_NoSummary_ListsConnectionsOnly() =>
        Assert.That(Write(ListFormat.Text, Shop(summary: false)), Is.EqualTo(ShopConnections));

    [Test]
    public void Text_SummaryOnly_WritesExposureOnly() =>
        Assert.That(Write(ListFormat.Text, Shop() with { ListConnections = false }), Is.EqualTo(ShopExposure));

    [Test]
    public void Text_NothingListed_SaysSo()
    {
        // Among frontend, db and the outside nothing allows SCTP.
        var report = Shop(summary: false) with { Port = PortQuery.Of(1, Protocol.Sctp), Shown = [0, 1, 4] };

        Assert.That(Write(ListFormat.Text, report), Is.EqualTo("(no connections)\n"));
    }

    [Test]
    public void Text_IncludeSelf_WritesSelfLineBeforeBetweenReplicas()
    {
        var text = Write(ListFormat.Text, Shop(summary: false) with { IncludeSelf = true, Focus = Query("shop/db"), Direction = Direction.Egress });

        Assert.That(text, Is.EqualTo("""
            shop/db -> shop/db : all
            shop/db -> shop/db (between replicas) : TCP 5432
            shop/db -> kube-system/coredns : UDP 53
            shop/db -> ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255 : TCP 443,8080-8090,9000-9100; UDP 53

            """));
    }

    [Test]
    public void Text_OutsideDiffersPerRange_ListsEachOutsideSubject()
    {
        ImmutableArray<Subject> subjects =
        [
            SampleMatrix.Pod("shop", "web"),
            SampleMatrix.External(("0.0.0.0", "9.255.255.255"), ("11.0.0.0", "255.255.255.255")),
            SampleMatrix.External(("10.0.0.0", "10.255.255.255")),
            SampleMatrix.External(("::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")),
        ];
        var matrix = ReachabilityMatrix.FromConnections(subjects, [(1, 0, SampleMatrix.Tcp(80, 443)), (2, 0, SampleMatrix.Tcp(80))], new HashSet<int> { 0 });
        var report = ListReport.ForAll(matrix, ExposureAnalysis.Analyze(matrix)) with { ListConnections = false };
        var lines = Write(ListFormat.Text, report).Split('\n');

        Assert.That(lines[4..8], Is.EqualTo(new[]
        {
            "Open to outside addresses (3 outside subjects):",
            "  shop/web : TCP 80,443, from 2 of 3 outside subjects",
            "    ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255 : TCP 80,443",
            "    ext:10.0.0.0/8 : TCP 80",
        }));
    }

    [Test]
    public void Text_EveryOutsideAddressOnFewerPorts_SaysWhich()
    {
        ImmutableArray<Subject> subjects =
        [
            SampleMatrix.Pod("shop", "web"),
            SampleMatrix.External(("0.0.0.0", "9.255.255.255")),
            SampleMatrix.External(("10.0.0.0", "255.255.255.255")),
        ];
        var matrix = ReachabilityMatrix.FromConnections(subjects, [(1, 0, SampleMatrix.Tcp(80, 443)), (2, 0, SampleMatrix.Tcp(80))], new HashSet<int> { 0 });
        var report = ListReport.ForAll(matrix, ExposureAnalysis.Analyze(matrix)) with { ListConnections = false };

        Assert.That(Write(ListFormat.Text, report).Split('\n')[5], Is.EqualTo("  shop/web : TCP 80,443, from every outside address: TCP 80"));
    }

    [Test]
    public void Json_Shop_HasSchemaConnectionsAndExposure()
    {
        using var json = JsonDocument.Parse(Write(ListFormat.Json, Shop()));
        var root = json.RootElement;
        var connections = root.GetProperty("connections").EnumerateArray().ToList();
        var exposure = root.GetProperty("exposure");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.GetProperty("schema").GetString(), Is.EqualTo("policycheck/list/v1"));
            Assert.That(root.GetProperty("includeSelf").GetBoolean(), Is.False);
            Assert.That(connections.Select(c => $"{c.GetProperty("from").GetString()}->{c.GetProperty("to").GetString()}"), Is.EqualTo(new[]
            {
                "shop/frontend->shop/db", "shop/frontend->kube-system/coredns", "shop/frontend->ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255",
                "shop/db->shop/db", "shop/db->kube-system/coredns", "shop/db->ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255",
                "kube-system/coredns->kube-system/coredns", "kube-system/coredns->ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255",
                "shop/debug->shop/frontend", "shop/debug->shop/db", "shop/debug->kube-system/coredns", "shop/debug->ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255",
                "ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255->shop/frontend",
            }));
            Assert.That(connections[0].GetProperty("allowed").GetRawText().Replace(" ", "", StringComparison.Ordinal).ReplaceLineEndings(""),
                Is.EqualTo("""[{"protocol":"TCP","ports":[[5432,5432]]}]"""));
            Assert.That(connections[3].GetProperty("allowed").GetString(), Is.EqualTo("all"));
            Assert.That(connections[3].GetProperty("betweenReplicas")[0].GetProperty("ports")[0][0].GetInt32(), Is.EqualTo(5432));
            Assert.That(connections[0].TryGetProperty("betweenReplicas", out _), Is.False);

            Assert.That(exposure.GetProperty("workloads").GetInt32(), Is.EqualTo(4));
            Assert.That(exposure.GetProperty("namespaces").GetInt32(), Is.EqualTo(2));
            Assert.That(exposure.GetProperty("outsideSubjects").GetInt32(), Is.EqualTo(1));
            Assert.That(exposure.GetProperty("analyzed").GetInt32(), Is.EqualTo(4));
            var cluster = exposure.GetProperty("openToCluster").EnumerateArray().Single();
            Assert.That(cluster.GetProperty("subject").GetString(), Is.EqualTo("kube-system/coredns"));
            Assert.That(cluster.GetProperty("allowed")[0].GetProperty("protocol").GetString(), Is.EqualTo("UDP"));
            var namespaces = exposure.GetProperty("openToAllNamespaces").EnumerateArray().Single();
            Assert.That(namespaces.GetProperty("allowed").GetString(), Is.EqualTo("all"));
            var outside = exposure.GetProperty("openToOutside").EnumerateArray().Single();
            Assert.That(outside.GetProperty("subject").GetString(), Is.EqualTo("shop/frontend"));
            Assert.That(outside.GetProperty("fromEveryOutsideAddress")[0].GetProperty("ports")[0][1].GetInt32(), Is.EqualTo(8080));
            var from = outside.GetProperty("from").EnumerateArray().Single();
            Assert.That(from.GetProperty("subject").GetString(), Is.EqualTo("ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255"));
            Assert.That(from.GetProperty("ranges").EnumerateArray().Select(r => r.GetString()),
                Is.EqualTo(new[] { "0.0.0.0-9.255.255.255", "11.0.0.0-255.255.255.255" }));
            Assert.That(exposure.GetProperty("notIsolated").GetProperty("ingress").EnumerateArray().Select(e => e.GetString()),
                Is.EqualTo(new[] { "kube-system/coredns", "shop/debug" }));
            Assert.That(exposure.GetProperty("notIsolated").GetProperty("egress").EnumerateArray().Select(e => e.GetString()),
                Is.EqualTo(new[] { "shop/frontend", "kube-system/coredns", "shop/debug" }));
        }
    }

    [Test]
    public void Json_FiltersAreEchoed_SummaryOnlyHasNoConnections()
    {
        var report = Shop() with { Focus = Query("shop/db"), Direction = Direction.Ingress, Port = PortQuery.Of(5432), ListConnections = false };
        using var json = JsonDocument.Parse(Write(ListFormat.Json, report));
        var root = json.RootElement;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.GetProperty("focus").GetString(), Is.EqualTo("shop/db"));
            Assert.That(root.GetProperty("direction").GetString(), Is.EqualTo("ingress"));
            Assert.That(root.GetProperty("port").GetString(), Is.EqualTo("5432/TCP"));
            Assert.That(root.TryGetProperty("connections", out _), Is.False);
            Assert.That(root.TryGetProperty("exposure", out _), Is.True);
        }
    }

    [Test]
    public void Json_NoSummary_HasNoExposure_AndEndsWithNewline()
    {
        var text = Write(ListFormat.Json, Shop(summary: false));
        using var json = JsonDocument.Parse(text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(json.RootElement.TryGetProperty("exposure", out _), Is.False);
            Assert.That(text.EndsWith("}\n", StringComparison.Ordinal), Is.True);
        }
    }

    [Test]
    public void Json_ManyConnections_StreamsInChunksAndStaysValid()
    {
        var subjects = Enumerable.Range(0, 120).Select(i => SampleMatrix.Pod("ns", $"p{i:D3}")).ToImmutableArray();
        var cells = from a in Enumerable.Range(0, 120) from b in Enumerable.Range(0, 120) where a != b select (a, b, PortSet.All);
        var matrix = ReachabilityMatrix.FromConnections(subjects, cells);
        var output = new CountingWriter();

        ListWriters.Create(ListFormat.Json).Write(ListReport.ForAll(matrix), output);

        using var json = JsonDocument.Parse(output.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(json.RootElement.GetProperty("connections").GetArrayLength(), Is.EqualTo(120 * 119));
            Assert.That(output.Writes, Is.GreaterThan(2), "the document goes out in several chunks, not as one string");
        }
    }

    [Test]
    public void Csv_Shop_WritesRecordsWithCrlf()
    {
        var report = Shop(summary: false) with { Focus = Query("shop/db") };

        Assert.That(Write(ListFormat.Csv, report), Is.EqualTo(
            "from,to,allowed,betweenReplicas\r\n" +
            "shop/frontend,shop/db,TCP 5432,\r\n" +
            "shop/db,shop/db,all,TCP 5432\r\n" +
            "shop/db,kube-system/coredns,UDP 53,\r\n" +
            "shop/db,\"ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255\",\"TCP 443,8080-8090,9000-9100; UDP 53\",\r\n" +
            "shop/debug,shop/db,TCP 5432,\r\n"));
    }

    [Test]
    public void Csv_QuotesIdsWithQuotes()
    {
        ImmutableArray<Subject> subjects = [SampleMatrix.Workload(WorkloadKind.Pod, "x", "a", id: "x/\"a\""), SampleMatrix.Pod("x", "b")];
        var matrix = ReachabilityMatrix.FromConnections(subjects, [(0, 1, SampleMatrix.Tcp(80))]);

        var text = Write(ListFormat.Csv, ListReport.ForAll(matrix));

        Assert.That(text.Split("\r\n")[1], Is.EqualTo("\"x/\"\"a\"\"\",x/b,TCP 80,"));
    }

    [Test]
    public void Markdown_Shop_TableThenExposureLists()
    {
        var report = Shop() with { Focus = Query("shop/db"), Direction = Direction.Ingress };

        var text = Write(ListFormat.Markdown, report);

        Assert.That(text, Does.StartWith("""
            | From | To | Allowed |
            | --- | --- | --- |
            | shop/frontend | shop/db | TCP 5432 |
            | shop/db | shop/db (between replicas) | TCP 5432 |
            | shop/debug | shop/db | TCP 5432 |

            ### Exposure

            **Open to the whole cluster (every other workload may connect; 4 workloads):**

            - kube-system/coredns : UDP 53

            """));
        Assert.That(text, Does.Contain("""
            **Open to outside addresses (1 outside subject):**

            - shop/frontend : TCP 8080, from every outside address

            """));
    }

    [Test]
    public void Markdown_EscapesPipesAndMarkupInNames()
    {
        ImmutableArray<Subject> subjects = [SampleMatrix.Pod("x", "a|b*c"), SampleMatrix.Pod("x", "d")];
        var matrix = ReachabilityMatrix.FromConnections(subjects, [(0, 1, SampleMatrix.Tcp(80))]);

        var text = Write(ListFormat.Markdown, ListReport.ForAll(matrix));

        Assert.That(text.Contains(@"| x/a\|b\*c | x/d | TCP 80 |", StringComparison.Ordinal), Is.True, text);
    }

    [Test]
    public void Markdown_NothingListed_SaysSo()
    {
        var report = new ListReport(SampleMatrix.Shop(), [4]);

        Assert.That(Write(ListFormat.Markdown, report), Is.EqualTo("No connections.\n"));
    }

    [Test]
    public void Create_UnknownFormat_Throws() =>
        Assert.That(() => ListWriters.Create((ListFormat)99), Throws.TypeOf<ArgumentOutOfRangeException>());

    private static SubjectQuery Query(string text) =>
        SubjectQuery.TryParse(text, out var query, out var error) ? query! : throw new ArgumentException(error, nameof(text));

    /// <summary>Counts the writes that reach it, to see that a writer streams.</summary>
    private sealed class CountingWriter : StringWriter
    {
        public int Writes { get; private set; }

        public override void Write(string? value)
        {
            Writes++;
            base.Write(value);
        }
    }
}
