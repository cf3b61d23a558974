using System.Text.RegularExpressions;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Diff;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Reporting.Diff;

namespace PolicyCheck.Reporting.Tests.Diff;

/// <summary>The diff writers on hand-built reports; docs/diff-output.md's examples must be what they write.</summary>
public sealed class DiffWritersTests
{
    private static readonly DiagnosticDescriptor SplitPeers = new(
        "PC1003", "PeerSelectorsSplit", "Pod and namespace selectors are separate peers",
        "NetworkPolicy '{0}' lists podSelector and namespaceSelector as separate peers, which allows either.", "Correctness", Severity.Warning);

    private static readonly DiagnosticDescriptor NotIsolated = new(
        "PC2001", "IngressNotIsolated", "Workload not isolated for ingress",
        "Pod '{0}' is selected by no NetworkPolicy that applies to Ingress.", "Security", Severity.Note);

    /// <summary>
    /// The documented example: shop/api is new and may reach shop/db on TCP 5432; web's replicas lost their
    /// traffic to each other; 203.0.113.0/24 may now reach web on TCP 8443 as well as 443; a split peer was
    /// introduced and the not-isolated note on shop/api's predecessor fixed.
    /// </summary>
    private static DiffReport DocumentedExample(bool color = false) => new(
        "main",
        "k8s",
        new ConnectionDelta(
            [new ConnectionChange("shop/api", "shop/db", null, PortSet.Of(Protocol.Tcp, 5432))],
            [new ConnectionChange("shop/web", "shop/web", PortSet.All, null)],
            [new ConnectionChange("ext:203.0.113.0/24", "shop/web", PortSet.Of(Protocol.Tcp, 443), PortSet.Of(Protocol.Tcp, 443).Union(PortSet.Of(Protocol.Tcp, 8443)))],
            ["shop/api"],
            ["shop/legacy"]),
        new FindingDelta(
            [Diagnostic.Create(SplitPeers, new SourceSpan("k8s/policies.yaml", 12, 7, 13, 40), "db-in")],
            [Diagnostic.Create(NotIsolated, new SourceSpan("main:k8s/legacy.yaml", 1, 1, 9, 1), "legacy")]),
        color);

    private static string Render(Action<DiffReport, TextWriter> write, DiffReport report)
    {
        using var output = new StringWriter { NewLine = "\n" };
        write(report, output);
        return output.ToString();
    }

    [Test]
    public void Docs_Examples_AreWhatTheWritersWrite()
    {
        var docs = File.ReadAllText(Path.Combine(Snapshot.RepositoryRoot(), "docs", "diff-output.md"));
        string Block(string language) => Regex.Match(docs, $"^```{language}\n(.*?)^```$", RegexOptions.Singleline | RegexOptions.Multiline).Groups[1].Value;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Block("json"), Is.EqualTo(Render(DiffJsonWriter.Write, DocumentedExample())));
            Assert.That(Block("markdown"), Is.EqualTo(Render(DiffMarkdownWriter.Write, DocumentedExample())));
            Assert.That(Block("text"), Is.EqualTo(Render(DiffTextWriter.Write, DocumentedExample())));
        }
    }

    [Test]
    public void Headline_CountsEachKindAndLeavesOutZeroExtras()
    {
        var oneAdded = new DiffReport("a", "b", new ConnectionDelta([new("x/a", "x/b", null, PortSet.All)], [], [], [], []), FindingDelta.Empty);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(DocumentedExample().Headline(), Is.EqualTo("+1 connection, −1, 1 changed, +1 subject, −1, 1 new finding, 1 fixed"));
            Assert.That(oneAdded.Headline(), Is.EqualTo("+1 connection, −0, 0 new findings"));
        }
    }

    [Test]
    public void Text_Color_PaintsAddedGreenRemovedRedChangedYellow()
    {
        var text = Render(DiffTextWriter.Write, DocumentedExample(color: true));

        using (Assert.EnterMultipleScope())
        {
            // Ordinal on purpose: a culture-aware comparison ignores the escape character.
            Assert.That(text.Contains("\e[32m+ shop/api -> shop/db: TCP 5432\e[0m", StringComparison.Ordinal), Is.True, text);
            Assert.That(text.Contains("\e[31m- shop/web -> shop/web (between replicas): all\e[0m", StringComparison.Ordinal), Is.True, text);
            Assert.That(text.Contains("\e[33m~ ext:203.0.113.0/24 -> shop/web: TCP 443 => TCP 443,8443 (gained TCP 8443)\e[0m", StringComparison.Ordinal), Is.True, text);
            Assert.That(Render(DiffTextWriter.Write, DocumentedExample()).Contains('\e', StringComparison.Ordinal), Is.False);
        }
    }

    [Test]
    public void Markdown_NothingChanged_IsHeadingAndHeadlineOnly()
    {
        var empty = new DiffReport("main", "k8s", ConnectionDelta.Empty, FindingDelta.Empty);

        Assert.That(Render(DiffMarkdownWriter.Write, empty), Is.EqualTo("## PolicyCheck diff\n\n**+0 connections, −0, 0 new findings** (`main` → `k8s`)\n"));
    }

    [Test]
    public void Markdown_PipeInMessageOrLabel_DoesNotBreakTheTable()
    {
        var finding = Diagnostic.Create(SplitPeers, new SourceSpan("k8s/p.yaml", 1, 1, 1, 1), "x|y");
        var text = Render(DiffMarkdownWriter.Write, DocumentedExample() with { Head = "a|b", Findings = new FindingDelta([finding], []) });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("NetworkPolicy 'x\\|y' lists"));
            Assert.That(text, Does.Contain("`a\\|b`"));
        }
    }

    [Test]
    public void Markdown_ManySubjects_ListsTwentyAndCountsTheRest()
    {
        var ids = Enumerable.Range(0, 25).Select(i => $"x/p{i}").ToArray();
        var report = new DiffReport("a", "b", new ConnectionDelta([], [], [], [.. ids], []), FindingDelta.Empty);

        var text = Render(DiffMarkdownWriter.Write, report);

        Assert.That(text, Does.Contain("`x/p19` and 5 more").And.Not.Contain("x/p20"));
    }

    [TestCase(null, "… and 2 more connection changes, not shown.\n")]
    [TestCase("See the JSON.", "… and 2 more connection changes, not shown. See the JSON.\n")]
    public void Markdown_MoreRowsThanShown_CountsTheRestAndAddsTheHostsHint(string? hint, string expected)
    {
        // MaxRows (50) rows are shown; two added connections more are counted.
        var added = Enumerable.Range(0, DiffMarkdownWriter.MaxRows + 2)
            .Select(i => new ConnectionChange($"x/p{i}", "x/db", null, PortSet.All));
        var report = new DiffReport("a", "b", new ConnectionDelta([.. added], [], [], [], []), FindingDelta.Empty, CompleteListHint: hint);

        Assert.That(Render(DiffMarkdownWriter.Write, report), Does.EndWith("\n\n" + expected));
    }

    [Test]
    public void Json_AddedAndRemoved_HaveNullOnTheMissingSide()
    {
        var json = Render(DiffJsonWriter.Write, DocumentedExample());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(json, Does.Contain("\"before\": null"));
            Assert.That(json, Does.Contain("\"after\": null"));
            Assert.That(json, Does.Contain("\"betweenReplicas\": true"));
        }
    }
}
