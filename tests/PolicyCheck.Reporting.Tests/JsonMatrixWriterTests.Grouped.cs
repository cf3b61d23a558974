using System.Collections.Immutable;
using System.Text.Json;
using PolicyCheck.Core.Engine;
using PolicyCheck.Reporting.Matrix;
using static PolicyCheck.Reporting.Tests.WriterInputs;

namespace PolicyCheck.Reporting.Tests;

/// <summary>The grouped form of docs/json-output.md (<c>--group-equivalent</c>), checked on the parsed document.</summary>
public sealed partial class JsonMatrixWriterTests
{
    private const string Tcp8080 = """[{"protocol":"TCP","ports":[[8080,8080]]}]""";

    private static JsonDocument ParseGrouped(ReachabilityMatrix matrix, PortQuery? port = null) =>
        JsonDocument.Parse(Render(MatrixFormat.Json, MatrixReport.ForAll(matrix, port).Grouped()));

    private static List<string> Ids(JsonElement array, string property) =>
        [.. array.EnumerateArray().Select(e => e.GetProperty(property).GetString()!)];

    private static JsonElement Group(JsonDocument document, string id) =>
        document.RootElement.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("id").GetString() == id);

    private static IEnumerable<ReachabilityMatrix> GroupedInputs() =>
        [GroupedShop.Matrix(), GroupedShop.TwelveAlike(), SampleMatrix.Shop(), TwoPods()];

    [Test]
    public void Write_Grouped_SameSchemaMarkedGroupedWithSubjectsUnchanged()
    {
        var matrix = GroupedShop.Matrix();
        using var plain = Parse(matrix);
        using var grouped = ParseGrouped(matrix);
        var root = grouped.RootElement;
        string[] fields = ["schema", "networkPlugin", "grouped", "subjects", "groups", "connections"];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EqualTo(fields));
            Assert.That(root.GetProperty("schema").GetString(), Is.EqualTo("policycheck/matrix/v1"));
            Assert.That(root.GetProperty("grouped").GetBoolean(), Is.True);
            Assert.That(Compact(root.GetProperty("subjects").GetRawText()), Is.EqualTo(Compact(plain.RootElement.GetProperty("subjects").GetRawText())));
        }
    }

    [Test]
    public void Write_Default_HasNoGroupedFields()
    {
        using var document = Parse(GroupedShop.Matrix());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.RootElement.TryGetProperty("grouped", out _), Is.False);
            Assert.That(document.RootElement.TryGetProperty("groups", out _), Is.False);
        }
    }

    [TestCaseSource(nameof(GroupedInputs))]
    public void Write_Grouped_EverySubjectInExactlyOneGroup(ReachabilityMatrix matrix)
    {
        using var document = ParseGrouped(matrix);
        var subjects = Ids(document.RootElement.GetProperty("subjects"), "id");
        var members = document.RootElement.GetProperty("groups").EnumerateArray()
            .SelectMany(g => g.GetProperty("members").EnumerateArray().Select(m => m.GetString()!))
            .ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(members, Is.Unique);
            Assert.That(members, Is.EquivalentTo(subjects));
        }
    }

    [TestCaseSource(nameof(GroupedInputs))]
    public void Write_Grouped_ConnectionsReferenceGroupIdsNeverSubjectIds(ReachabilityMatrix matrix)
    {
        using var document = ParseGrouped(matrix);
        var root = document.RootElement;
        var groups = Ids(root.GetProperty("groups"), "id");
        var subjects = Ids(root.GetProperty("subjects"), "id");
        var ends = root.GetProperty("connections").EnumerateArray()
            .SelectMany(c => new[] { c.GetProperty("from").GetString(), c.GetProperty("to").GetString() })
            .Distinct()
            .ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(groups, Is.EqualTo(Enumerable.Range(1, groups.Count).Select(i => $"g{i}")), "g1, g2, … in order");
            Assert.That(groups.Intersect(subjects), Is.Empty);
            Assert.That(ends, Is.Not.Empty);
            Assert.That(ends, Is.SubsetOf(groups));
        }
    }

    [Test]
    public void Write_GroupedShop_MembersWithinAndConnectionsBetweenGroups()
    {
        using var document = ParseGrouped(GroupedShop.Matrix());
        var root = document.RootElement;
        (string, string)[] pairs = [("g1", "g1"), ("g1", "g2"), ("g1", "g3"), ("g2", "g2"), ("g2", "g3")];
        string[] web = ["shop/cart", "shop/checkout"];
        string[] db = ["shop/db"];
        string[] outside = [GroupedShop.Outside, GroupedShop.OutsideV6];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Group(document, "g1").GetProperty("members").EnumerateArray().Select(m => m.GetString()), Is.EqualTo(web));
            Assert.That(Group(document, "g2").GetProperty("members").EnumerateArray().Select(m => m.GetString()), Is.EqualTo(db));
            Assert.That(Group(document, "g3").GetProperty("members").EnumerateArray().Select(m => m.GetString()), Is.EqualTo(outside));
            Assert.That(Compact(Group(document, "g1").GetProperty("within").GetRawText()), Is.EqualTo(Compact(Tcp8080)), "web pods accept each other on 8080");
            Assert.That(Group(document, "g2").GetProperty("within").GetArrayLength(), Is.Zero, "db accepts only web pods, not its own replicas");
            Assert.That(Group(document, "g3").GetProperty("within").GetArrayLength(), Is.Zero, "two outside subjects never reach each other");
            Assert.That(Pairs(document), Is.EqualTo(pairs), "db and the outside may not reach web, nor the outside db");
            Assert.That(Compact(Connection(document, "g1", "g1").GetProperty("allowed").GetRawText()), Is.EqualTo(Compact(Tcp8080)));
            Assert.That(Connection(document, "g1", "g1").TryGetProperty("betweenReplicas", out _), Is.False, "two members: within says it");
            Assert.That(
                Compact(Connection(document, "g1", "g2").GetProperty("allowed").GetRawText()),
                Is.EqualTo(Compact("""[{"protocol":"TCP","ports":[[5432,5432]]}]""")));
            Assert.That(Connection(document, "g1", "g3").GetProperty("allowed").GetString(), Is.EqualTo("all"), "egress is not limited");
            Assert.That(Connection(document, "g2", "g2").GetProperty("allowed").GetString(), Is.EqualTo("all"), "one member: a pod to itself");
            Assert.That(Connection(document, "g2", "g2").GetProperty("betweenReplicas").GetArrayLength(), Is.Zero);
            Assert.That(root.TryGetProperty("port", out _), Is.False);
        }
    }

    [Test]
    public void Write_GroupedShopPortQuery_AllowedTrueWithinAndBetweenReplicasBooleans()
    {
        using var document = ParseGrouped(GroupedShop.Matrix(), PortQuery.Of(8080));
        var connections = document.RootElement.GetProperty("connections").EnumerateArray().ToList();
        (string, string)[] pairs = [("g1", "g1"), ("g1", "g3"), ("g2", "g2"), ("g2", "g3")];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.RootElement.GetProperty("port").GetString(), Is.EqualTo("8080/TCP"));
            Assert.That(document.RootElement.GetProperty("grouped").GetBoolean(), Is.True);
            Assert.That(Pairs(document), Is.EqualTo(pairs), "web reaches db on 5432 only");
            Assert.That(connections.Select(c => c.GetProperty("allowed").ValueKind), Has.All.EqualTo(JsonValueKind.True));
            Assert.That(Group(document, "g1").GetProperty("within").GetBoolean(), Is.True);
            Assert.That(Group(document, "g2").GetProperty("within").GetBoolean(), Is.False);
            Assert.That(Connection(document, "g2", "g2").GetProperty("betweenReplicas").GetBoolean(), Is.False);
        }
    }

    [Test]
    public void Write_GroupedEmptyShown_EmptyGroupsAndConnections()
    {
        var text = Render(MatrixFormat.Json, new MatrixReport(GroupedShop.Matrix(), []).Grouped());
        using var document = JsonDocument.Parse(text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.RootElement.GetProperty("groups").GetArrayLength(), Is.Zero);
            Assert.That(document.RootElement.GetProperty("connections").GetArrayLength(), Is.Zero);
        }
    }

    [TestCase(null)]
    [TestCase("53/UDP")]
    [TestCase("http")]
    [Description("docs/json-output.md: with one member per group, connections are the default form's with subject ids replaced by group ids.")]
    public void Write_GroupedOneMemberEach_ConnectionsAreTheDefaultOnesRenamed(string? port)
    {
        var query = port is null ? null : PortQuery.TryParse(port, out var parsed, out _) ? parsed : throw new ArgumentException(port);
        using var plain = Parse(SampleMatrix.Shop(), query);
        using var grouped = ParseGrouped(SampleMatrix.Shop(), query);
        var groupOf = grouped.RootElement.GetProperty("groups").EnumerateArray()
            .ToDictionary(g => g.GetProperty("members")[0].GetString()!, g => g.GetProperty("id").GetString()!);
        var renamed = plain.RootElement.GetProperty("connections").EnumerateArray()
            .Select(c => Compact(c.GetRawText())
                .Replace($"\"from\":\"{c.GetProperty("from").GetString()}\"", $"\"from\":\"{groupOf[c.GetProperty("from").GetString()!]}\"", StringComparison.Ordinal)
                .Replace($"\"to\":\"{c.GetProperty("to").GetString()}\"", $"\"to\":\"{groupOf[c.GetProperty("to").GetString()!]}\"", StringComparison.Ordinal));
        var actual = grouped.RootElement.GetProperty("connections").EnumerateArray().Select(c => Compact(c.GetRawText()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(grouped.RootElement.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("members").GetArrayLength()), Has.All.EqualTo(1));
            Assert.That(actual, Is.EqualTo(renamed));
        }
    }

    /// <summary>
    /// The reading rule of docs/json-output.md, applied to the grouped form of random clusters, must give back every
    /// entry of the default form: pairs across groups, pairs inside a group, the diagonal and betweenReplicas.
    /// </summary>
    [Test]
    public void Write_GroupedRandomClusters_ReadBackAsTheDefaultForm()
    {
        PortQuery?[] ports = [null, PortQuery.Of(80), PortQuery.Named("http")];
        var merged = 0;
        for (var seed = 0; seed < 300; seed++)
        {
            var matrix = Evaluator.Evaluate(RandomCluster.Generate(seed));
            // Odd seeds show a subset, as --namespace and --selector do.
            ImmutableArray<int> shown = [.. Enumerable.Range(0, matrix.Subjects.Length).Where(i => seed % 2 == 0 || i % 3 != 1)];
            foreach (var port in ports)
            {
                var report = new MatrixReport(matrix, shown, port);
                using var plain = JsonDocument.Parse(Render(MatrixFormat.Json, report));
                using var grouped = JsonDocument.Parse(Render(MatrixFormat.Json, report.Grouped()));
                merged += grouped.RootElement.GetProperty("groups").EnumerateArray().Count(g => g.GetProperty("members").GetArrayLength() > 1);
                var failure = ReadBack(plain.RootElement, grouped.RootElement, port is not null);
                Assert.That(failure, Is.Null, $"seed {seed}, port {port?.ToString() ?? "none"}: {failure}");
            }
        }

        Assert.That(merged, Is.GreaterThan(100), "too few groups of two or more were checked");
    }

    /// <summary>The first entry where the grouped document, read as documented, differs from the default one; <c>null</c> if none.</summary>
    private static string? ReadBack(JsonElement plain, JsonElement grouped, bool portQuery)
    {
        static string? Text(JsonElement entry, string property) =>
            entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty(property, out var value) ? Compact(value.GetRawText()) : null;

        var expected = plain.GetProperty("connections").EnumerateArray()
            .ToDictionary(c => (c.GetProperty("from").GetString()!, c.GetProperty("to").GetString()!));
        var between = grouped.GetProperty("connections").EnumerateArray()
            .ToDictionary(c => (c.GetProperty("from").GetString()!, c.GetProperty("to").GetString()!));
        var groupOf = new Dictionary<string, string>();
        var size = new Dictionary<string, int>();
        var within = new Dictionary<string, string?>();
        foreach (var group in grouped.GetProperty("groups").EnumerateArray())
        {
            var id = group.GetProperty("id").GetString()!;
            foreach (var member in group.GetProperty("members").EnumerateArray())
                groupOf[member.GetString()!] = id;
            size[id] = group.GetProperty("members").GetArrayLength();
            within[id] = Text(group, "within");
        }

        var subjects = plain.GetProperty("subjects").EnumerateArray()
            .Select(s => (Id: s.GetProperty("id").GetString()!, Workload: s.TryGetProperty("namespace", out _)))
            .ToList();
        foreach (var (s, workload) in subjects)
        {
            foreach (var (t, _) in subjects)
            {
                var want = expected.GetValueOrDefault((s, t));
                var (g, h) = (groupOf[s], groupOf[t]);
                var got = between.GetValueOrDefault((g, h));
                if (s != t || size[g] == 1)
                {
                    // Across groups, inside a group, and a group of one to itself: the entry itself.
                    if (Text(want, "allowed") != Text(got, "allowed") || Text(want, "betweenReplicas") != Text(got, "betweenReplicas"))
                        return $"{s} -> {t}: default {Text(want, "allowed")}/{Text(want, "betweenReplicas")}, grouped {g} -> {h} {Text(got, "allowed")}/{Text(got, "betweenReplicas")}";
                    continue;
                }

                // A member of a larger group to itself: "all" for a workload (named ports aside), replicas as within.
                if (!portQuery && Text(want, "allowed") != (workload ? "\"all\"" : null))
                    return $"{s} -> itself: default {Text(want, "allowed")}";
                if (Text(want, "betweenReplicas") is { } replicas && replicas != within[g])
                    return $"{s}: betweenReplicas {replicas} but its group {g} has within {within[g]}";
            }
        }

        return null;
    }
}
