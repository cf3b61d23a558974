using System.Collections.Immutable;
using PolicyCheck.Core.Engine;
using PolicyCheck.Reporting.Matrix;

namespace PolicyCheck.Reporting.Tests;

public sealed class SubjectGroupsTests
{
    private static List<string> Names(ReachabilityMatrix matrix, SubjectGroups groups) =>
        [.. groups.Members.Select(g => string.Join(",", g.Select(i => matrix.Subjects[i].Id)))];

    [Test]
    public void Of_GroupedShop_EngineGroupsInShownOrder()
    {
        var matrix = GroupedShop.Matrix();

        var groups = SubjectGroups.Of(matrix, [.. Enumerable.Range(0, matrix.Subjects.Length)]);

        Assert.That(Names(matrix, groups), Is.EqualTo(new[] { "shop/cart,shop/checkout", "shop/db", $"{GroupedShop.Outside},{GroupedShop.OutsideV6}" }));
    }

    [Test]
    public void Of_ShownSubset_GroupsOnlyThoseInTheirOrder()
    {
        var matrix = GroupedShop.Matrix();

        var groups = SubjectGroups.Of(matrix, [3, 1, 2, 0]);

        Assert.That(Names(matrix, groups), Is.EqualTo(new[] { GroupedShop.Outside, "shop/checkout,shop/cart", "shop/db" }));
    }

    [Test]
    [Description("k8s docs: a named port resolves per destination pod; the query must not merge pods where the name means different ports.")]
    public void Of_NamedPortMeaningDiffers_SplitsTheEngineGroup()
    {
        // No policy names 'http', so the engine groups the three pods; the query resolves it to 8080, 9090 and nothing.
        var matrix = Evaluator.Evaluate(new ManifestBuilder()
            .Workload("x/a", w => w.Labels(("app", "web")).Port(8080, "http"))
            .Workload("x/b", w => w.Labels(("app", "web")).Port(9090, "http"))
            .Workload("x/c", w => w.Labels(("app", "web")).Port(8080, "http"))
            .Workload("x/d", w => w.Labels(("app", "web")))
            .Build());
        ImmutableArray<int> all = [.. Enumerable.Range(0, matrix.Subjects.Length)];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Names(matrix, SubjectGroups.Of(matrix, all))[0], Is.EqualTo("x/a,x/b,x/c,x/d"));
            Assert.That(Names(matrix, SubjectGroups.Of(matrix, all, PortQuery.Of(8080)))[0], Is.EqualTo("x/a,x/b,x/c,x/d"), "a numbered port means the same everywhere");
            Assert.That(Names(matrix, SubjectGroups.Of(matrix, all, PortQuery.Named("http"))), Is.EqualTo(new[] { "x/a,x/c", "x/b", "x/d", "ext:0.0.0.0/0,ext:::/0" }));
        }
    }

    [Test]
    public void IdOf_NumbersFromOne() =>
        Assert.That(new[] { SubjectGroups.IdOf(0), SubjectGroups.IdOf(1), SubjectGroups.IdOf(11) }, Is.EqualTo(new[] { "g1", "g2", "g12" }));

    [Test]
    public void Write_GroupsOfAnotherPort_Throws()
    {
        var matrix = GroupedShop.Matrix();
        var report = MatrixReport.ForAll(matrix, PortQuery.Of(80)) with { Groups = SubjectGroups.Of(matrix, [0, 1, 2, 3]) };

        Assert.That(
            () => WriterInputs.Render(MatrixFormat.Json, report),
            Throws.ArgumentException.With.Message.StartsWith("The groups were formed for no port, but the report asks about port '80/TCP'."));
    }

    [Test]
    public void SubjectPairs_CountsOrderedPairsOfDifferentMembers()
    {
        var matrix = GroupedShop.Matrix();
        var groups = SubjectGroups.Of(matrix, [.. Enumerable.Range(0, matrix.Subjects.Length)]);

        // g1 = {shop/cart, shop/checkout}, g2 = {shop/db}: cart→checkout and checkout→cart inside g1, each of the two to db.
        Assert.That(
            new[] { groups.SubjectPairs(0, 0), groups.SubjectPairs(0, 1), groups.SubjectPairs(1, 0), groups.SubjectPairs(1, 1) },
            Is.EqualTo(new long[] { 2, 2, 2, 0 }));
    }

    [Test]
    public void IsPortAllowed_GroupsWithoutPort_Throws()
    {
        var matrix = GroupedShop.Matrix();
        var groups = SubjectGroups.Of(matrix, [0, 1]);

        Assert.That(() => groups.IsPortAllowed(0, 0), Throws.InvalidOperationException);
    }

    [Test]
    public void Write_GroupsOfAnotherMatrix_Throws()
    {
        var report = MatrixReport.ForAll(GroupedShop.Matrix()) with { Groups = SubjectGroups.Of(GroupedShop.Matrix(), [0, 1, 2, 3]) };

        Assert.That(
            () => WriterInputs.Render(MatrixFormat.Table, report),
            Throws.ArgumentException.With.Message.StartsWith("The groups were formed for another matrix than the report's."));
    }

    [Test]
    public void Write_GroupsMissingAShownSubject_Throws()
    {
        var matrix = GroupedShop.Matrix();
        var report = new MatrixReport(matrix, [0, 1, 2, 3], Groups: SubjectGroups.Of(matrix, [0, 1, 2]));

        Assert.That(
            () => WriterInputs.Render(MatrixFormat.Table, report),
            Throws.ArgumentException.With.Message.StartsWith("The groups hold 3 of the 4 shown subjects."));
    }

    [Test]
    public void Write_GroupsWithAHiddenSubject_Throws()
    {
        var matrix = GroupedShop.Matrix();
        var report = new MatrixReport(matrix, [0, 1], Groups: SubjectGroups.Of(matrix, [0, 1, 2]));

        Assert.That(
            () => WriterInputs.Render(MatrixFormat.Markdown, report),
            Throws.ArgumentException.With.Message.StartsWith("Group member 2 is not a shown subject."));
    }

    [TestCase(MatrixFormat.Csv, "The CSV format cannot show groups")]
    [TestCase(MatrixFormat.Dot, "The DOT format cannot show groups")]
    public void Write_GroupedToFormatWithoutGroups_Throws(MatrixFormat format, string message) =>
        Assert.That(
            () => WriterInputs.Render(format, MatrixReport.ForAll(GroupedShop.Matrix()).Grouped()),
            Throws.ArgumentException.With.Message.StartsWith(message));
}
