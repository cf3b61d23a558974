using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Diff;
using PolicyCheck.Core.Model;
using PolicyCheck.TestKit;

namespace PolicyCheck.Core.Tests.Diff;

[Parallelizable(ParallelScope.Fixtures)]
public sealed class FindingDiffTests
{
    private static readonly DiagnosticDescriptor Rule = new("PC9990", "TestRule", "A test rule", "Policy is odd: {0}.", "Test", Severity.Warning);
    private static readonly DiagnosticDescriptor Other = new("PC9991", "OtherRule", "Another test rule", "Policy is odd: {0}.", "Test", Severity.Warning);

    /// <summary>Policies shop/a and shop/b, each a document of <paramref name="path"/> starting at the given lines (ten lines long).</summary>
    private static Cluster Cluster(string path, int aLine, int bLine)
    {
        var built = new ManifestBuilder()
            .Policy("shop/a", p => p.Types(Direction.Ingress))
            .Policy("shop/b", p => p.Types(Direction.Ingress))
            .Build();
        return built with
        {
            Policies =
            [
                built.Policies[0] with { Span = new SourceSpan(path, aLine, 1, aLine + 9, 1) },
                built.Policies[1] with { Span = new SourceSpan(path, bLine, 1, bLine + 9, 1) },
            ],
        };
    }

    private static Diagnostic At(string path, int line, string argument = "x", DiagnosticDescriptor? rule = null) =>
        Diagnostic.Create(rule ?? Rule, SourceSpan.At(path, line, 3), argument);

    [Test]
    public void Compare_SameFindingMovedToAnotherLineAndPath_IsNoChange()
    {
        var before = Cluster("base/p.yaml", 1, 20);
        var after = Cluster("head/p.yaml", 31, 5);

        var delta = FindingDiff.Compare([At("base/p.yaml", 4)], before, [At("head/p.yaml", 34)], after);

        Assert.That(delta.IsEmpty, Is.True);
    }

    [Test]
    public void Compare_SameRuleAndMessageOnAnotherObject_IsOneFixedAndOneIntroduced()
    {
        var cluster = Cluster("p.yaml", 1, 20);
        var onA = At("p.yaml", 4);
        var onB = At("p.yaml", 24);

        var delta = FindingDiff.Compare([onA], cluster, [onB], cluster);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(delta.Introduced, Is.EqualTo(new[] { onB }));
            Assert.That(delta.Fixed, Is.EqualTo(new[] { onA }));
        }
    }

    [Test]
    public void Compare_OtherRuleOrMessage_DoesNotMatch()
    {
        var cluster = Cluster("p.yaml", 1, 20);

        var otherRule = FindingDiff.Compare([At("p.yaml", 4)], cluster, [At("p.yaml", 4, rule: Other)], cluster);
        var otherMessage = FindingDiff.Compare([At("p.yaml", 4, "x")], cluster, [At("p.yaml", 4, "y")], cluster);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((otherRule.Introduced.Length, otherRule.Fixed.Length), Is.EqualTo((1, 1)));
            Assert.That((otherMessage.Introduced.Length, otherMessage.Fixed.Length), Is.EqualTo((1, 1)));
        }
    }

    [Test]
    public void Compare_EqualFindings_PairOneToOne()
    {
        var cluster = Cluster("p.yaml", 1, 20);

        var delta = FindingDiff.Compare([At("p.yaml", 2), At("p.yaml", 3)], cluster, [At("p.yaml", 2), At("p.yaml", 5), At("p.yaml", 7)], cluster);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(delta.Introduced, Has.Length.EqualTo(1));
            Assert.That(delta.Fixed, Is.Empty);
        }
    }

    [Test]
    public void ObjectOf_FindingInsideADocument_NamesThePolicy_OutsideAny_IsEmpty()
    {
        var cluster = Cluster("p.yaml", 1, 20);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(FindingDiff.ObjectOf(At("p.yaml", 25), cluster), Is.EqualTo("NetworkPolicy shop/b"));
            Assert.That(FindingDiff.ObjectOf(At("p.yaml", 15), cluster), Is.Empty);
            Assert.That(FindingDiff.ObjectOf(At("q.yaml", 5), cluster), Is.Empty);
        }
    }
}
