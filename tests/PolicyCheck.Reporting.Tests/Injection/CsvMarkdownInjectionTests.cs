using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;
using PolicyCheck.Reporting.Lint;
using PolicyCheck.Reporting.List;
using PolicyCheck.Reporting.Matrix;
using PolicyCheck.Reporting.Services;
using static PolicyCheck.Reporting.Tests.SampleMatrix;

namespace PolicyCheck.Reporting.Tests.Injection;

/// <summary>
/// Issue #12 for files that other programs open: OWASP "CSV Injection" (a cell starting with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, tab or CR is a formula to a spreadsheet; a leading <c>'</c> makes it text) and Markdown that
/// GitHub would render as HTML or markup. Issue #13: a port name that reads as a range.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class CsvMarkdownInjectionTests
{
    private static string Write(Action<TextWriter> write)
    {
        using var output = new StringWriter { NewLine = "\n" };
        write(output);
        return output.ToString();
    }

    [TestCase("=cmd", "\"'=cmd/a\"")]
    [TestCase("+1", "\"'+1/a\"")]
    [TestCase("-2", "\"'-2/a\"")]
    [TestCase("@sum", "\"'@sum/a\"")]
    [TestCase("\tx", "\"'\tx/a\"")]
    [TestCase("=HYPERLINK(\"http://e\")", "\"'=HYPERLINK(\"\"http://e\"\")/a\"")]
    public void MatrixCsv_FormulaLikeId_IsQuotedText(string ns, string field)
    {
        var matrix = ReachabilityMatrix.FromConnections([Pod(ns, "a"), Pod("x", "b")], [(0, 1, Tcp(80))]);

        var text = WriterInputs.Render(MatrixFormat.Csv, matrix);

        Assert.That(text, Is.EqualTo($"from,{field},x/b\r\n{field},all,TCP 80\r\nx/b,,all\r\n"));
    }

    [Test]
    public void ListCsv_FormulaLikeIds_AreQuotedText_PortSetsUntouched()
    {
        var matrix = ReachabilityMatrix.FromConnections([Pod("=cmd", "a"), Pod("@x", "b")], [(0, 1, Tcp(80))]);

        var text = Write(o => ListWriters.Create(ListFormat.Csv).Write(ListReport.ForAll(matrix), o));

        Assert.That(text, Is.EqualTo("from,to,allowed,betweenReplicas\r\n\"'=cmd/a\",\"'@x/b\",TCP 80,\r\n"));
    }

    [Test]
    [Description("CommonMark: a backslash before ASCII punctuation makes it literal, so no HTML tag or table cell can open.")]
    public void LintMarkdown_HtmlAndPipeInMessage_AreEscaped()
    {
        var rule = new DiagnosticDescriptor("PC1999", "SomeRule", "Some rule", "Policy '{0}' is wrong.", "Correctness", Severity.Warning);
        var report = new LintReport([Diagnostic.Create(rule, SourceSpan.At("a`b|c.yaml", 3, 5), "<img src=x onerror=alert(1)>|**x**")], 1, 1);

        var text = Write(o => LintMarkdownWriter.Write(report, o));

        Assert.That(text, Does.EndWith(
            "| `a'b\\|c.yaml:3:5` | Policy '\\<img src=x onerror=alert(1)>\\|\\*\\*x\\*\\*' is wrong. |\n"));
    }

    [Test]
    [Description("k8s API: a Service port name is an IANA_SVC_NAME (lower-case letters, digits, inner hyphens, at least one letter).")]
    public void ServicesText_PortNameLikeARange_IsQuoted()
    {
        var cluster = new ManifestBuilder()
            .Workload("shop/web", w => w.Labels(("app", "web")).Port(8001, "http"))
            .Build();
        cluster = cluster with
        {
            Services =
            [
                new Service("shop", "web", ServiceType.ClusterIP, null, Labels.Of(("app", "web")),
                [
                    new ServicePort("8001-8000", Protocol.Tcp, 8001, PortValue.Of(8001), null, SourceSpan.None),
                    new ServicePort("http", Protocol.Tcp, 80, PortValue.Of(8001), null, SourceSpan.None),
                ],
                null, null, null, SourceSpan.None),
            ],
        };
        var matrix = Evaluator.Evaluate(cluster);
        var report = new ServicesReport(ServiceSummary.Build(cluster, new ServiceReachability(cluster, matrix)), matrix.Subjects, null);

        var text = Write(o => ServicesTextWriter.Write(report, o));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("port      '8001-8000' 8001/TCP → 8001\n"));
            Assert.That(text, Does.Contain("port      http 80/TCP → 8001\n"));
            Assert.That(text.Contains(" 8001-8000 ", StringComparison.Ordinal), Is.False, "ordinal: culture comparison ignores control characters");
        }
    }
}
