using System.Text.Json;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Diff;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Explain;
using PolicyCheck.Core.Model;
using PolicyCheck.Reporting.Diff;
using PolicyCheck.Reporting.Explain;
using PolicyCheck.Reporting.Lint;
using PolicyCheck.Reporting.List;
using PolicyCheck.Reporting.Matrix;
using static PolicyCheck.Reporting.Tests.SampleMatrix;

namespace PolicyCheck.Reporting.Tests.Injection;

/// <summary>
/// Issue #12: a name from the manifests or a cluster that carries an escape sequence must reach a terminal as visible
/// text (<c>\u001b</c>), never as the raw ESC that would recolour, clear or retitle the terminal.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class TextWriterInjectionTests
{
    /// <summary>CSI "clear screen", then an OSC 0 title change, then a right-to-left override.</summary>
    private const string Hostile = "evil\u001b[2J\u001b]0;pwned\u0007\u202e";

    private const string Shown = @"evil\u001b[2J\u001b]0;pwned\u0007\u202e";

    private static ReachabilityMatrix HostileMatrix() => ReachabilityMatrix.FromConnections(
        [Pod("x", Hostile), Pod("x", "b")],
        [(0, 1, Tcp(80)), (1, 0, Tcp(443))]);

    private static void AssertNeutralised(string text)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text.Contains('\u001b'), Is.False, "ordinal: culture comparison ignores control characters");
            Assert.That(text.Contains('\u0007'), Is.False, "ordinal: culture comparison ignores control characters");
            Assert.That(text.Contains('\u202e'), Is.False, "ordinal: culture comparison ignores control characters");
            Assert.That(text, Does.Contain(Shown));
        }
    }

    private static string Write(Action<TextWriter> write)
    {
        using var output = new StringWriter { NewLine = "\n" };
        write(output);
        return output.ToString();
    }

    [Test]
    public void MatrixTable_HostileSubjectName_IsShownEscaped() =>
        AssertNeutralised(WriterInputs.Render(MatrixFormat.Table, HostileMatrix()));

    [Test]
    public void MatrixTable_WithColour_KeepsOwnCodesAndEscapesTheName()
    {
        var text = WriterInputs.Render(MatrixFormat.Table, HostileMatrix(), render: RenderOptions.Default with { Color = true });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain(Shown));
            Assert.That(text.Contains("\u001b[2J", StringComparison.Ordinal), Is.False, "ordinal: culture comparison ignores control characters");
            Assert.That(text, Does.Contain("\u001b[33mT80"), "the writer's own colour still works");
        }
    }

    [Test]
    public void ListText_HostileSubjectName_IsShownEscaped() =>
        AssertNeutralised(Write(o => ListWriters.Create(ListFormat.Text).Write(ListReport.ForAll(HostileMatrix()), o)));

    [Test]
    public void ListText_LineBreakInName_CannotForgeALine()
    {
        var matrix = ReachabilityMatrix.FromConnections(
            [Pod("x", "a\nx/admin[Pod] => x/db[Pod] : all"), Pod("x", "b")],
            [(0, 1, Tcp(80))]);

        var text = Write(o => ListWriters.Create(ListFormat.Text).Write(ListReport.ForAll(matrix) with { Exposure = null }, o));

        Assert.That(text, Is.EqualTo(@"x/a\u000ax/admin[Pod] => x/db[Pod] : all -> x/b : TCP 80" + "\n"));
    }

    [Test]
    public void ExplainText_HostileWorkloadName_IsShownEscaped()
    {
        var cluster = new ManifestBuilder()
            .Workload($"x/{Hostile}", ("app", "a"))
            .Workload("x/b", ("app", "b"))
            .Build();
        var matrix = Evaluator.Evaluate(cluster);
        var from = matrix.Subjects[matrix.IndexOf($"x/{Hostile}")];
        var to = matrix.Subjects[matrix.IndexOf("x/b")];
        var report = new ExplainReport(from.Id, [from], to.Id, [to], null, [Explainer.Explain(cluster, from, to)], Color: true);

        var text = Write(o => ExplainWriters.Create(ExplainFormat.Text).Write(report, o));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain(Shown));
            Assert.That(text.Contains("\u001b[2J", StringComparison.Ordinal), Is.False, "ordinal: culture comparison ignores control characters");
            Assert.That(text.Contains('\u202e'), Is.False, "ordinal: culture comparison ignores control characters");
        }
    }

    [Test]
    public void LintText_HostileArgumentAndPath_AreShownEscaped()
    {
        var rule = new DiagnosticDescriptor("PC1999", "SomeRule", "Some rule", "Policy '{0}' is wrong.", "Correctness", Severity.Warning);
        var report = new LintReport([Diagnostic.Create(rule, SourceSpan.At("a\u001b[2J.yaml", 3, 5), Hostile)], 1, 1);

        var text = Write(o => LintTextWriter.Write(report, o));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.StartWith(@"a\u001b[2J.yaml:3:5: warning PC1999: Policy '" + Shown + "' is wrong. [SomeRule]\n"));
            Assert.That(text.Contains('\u001b'), Is.False, "ordinal: culture comparison ignores control characters");
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public void DiffText_HostileSubjectIds_AreShownEscaped(bool color)
    {
        var report = new DiffReport(
            "main",
            "k8s",
            new ConnectionDelta([new ConnectionChange($"x/{Hostile}", "x/b", null, PortSet.Of(Protocol.Tcp, 80))], [], [], [$"x/{Hostile}"], []),
            new FindingDelta([], []),
            color);

        var text = Write(o => DiffTextWriter.Write(report, o));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("+ x/" + Shown));
            Assert.That(text.Contains("\u001b[2J", StringComparison.Ordinal), Is.False, "ordinal: culture comparison ignores control characters");
            Assert.That(text.Contains('\u0007'), Is.False, "ordinal: culture comparison ignores control characters");
            Assert.That(text.Contains("\u001b[32m", StringComparison.Ordinal), Is.EqualTo(color), "only the writer's own colour codes remain");
        }
    }

    [Test]
    [Description("RFC 8259 §7: a control character in a string is written as \\u escape; parsing gives the name back.")]
    public void MatrixJson_NameWithEscape_RoundTrips()
    {
        var text = WriterInputs.Render(MatrixFormat.Json, HostileMatrix());

        using var json = JsonDocument.Parse(text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text.Contains('\u001b'), Is.False, "ordinal: culture comparison ignores control characters");
            Assert.That(json.RootElement.GetProperty("subjects")[0].GetProperty("id").GetString(), Is.EqualTo($"x/{Hostile}"));
        }
    }
}
