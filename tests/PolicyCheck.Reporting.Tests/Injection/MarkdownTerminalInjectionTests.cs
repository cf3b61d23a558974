using PolicyCheck.Core.Audit;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Diff;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;
using PolicyCheck.Reporting.Audit;
using PolicyCheck.Reporting.Lint;
using PolicyCheck.Reporting.Services;
using static PolicyCheck.Reporting.Tests.SampleMatrix;

namespace PolicyCheck.Reporting.Tests.Injection;

/// <summary>
/// Issue #12 for the writers the other injection tests leave out: <c>services --format md</c>, the drift of
/// <c>audit compare --format md</c> and a link in <c>lint --format md</c>; and terminal text of services and drift.
/// Markdown rules are CommonMark's (a backslash makes ASCII punctuation literal; inside a code span nothing is markup)
/// plus GitHub's (a pipe ends a table cell even inside a code span).
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class MarkdownTerminalInjectionTests
{
    /// <summary>An HTML tag, a cell break, emphasis and a javascript: link.</summary>
    private const string HostileMarkdown = "<img src=x onerror=alert(1)>| ** [x](javascript:alert(1))`";

    /// <summary><see cref="HostileMarkdown"/> inside a code span: the pipe escaped, the backtick (which would end the span) a quote.</summary>
    private const string InCode = "<img src=x onerror=alert(1)>\\| ** [x](javascript:alert(1))'";

    /// <summary>CSI "clear screen", then an OSC 0 title change, then a right-to-left override.</summary>
    private const string HostileTerminal = "evil\u001b[2J\u001b]0;pwned\u0007\u202e";

    private const string ShownOnTerminal = @"evil\u001b[2J\u001b]0;pwned\u0007\u202e";

    private static string Write(Action<TextWriter> write)
    {
        using var output = new StringWriter { NewLine = "\n" };
        write(output);
        return output.ToString();
    }

    private static AuditDrift Drift(string context, string workload, string from) => new(
        context,
        new PolicyDrift([], [], []),
        [workload],
        [],
        new ConnectionDelta([new ConnectionChange(from, "x/b", null, Tcp(80))], [], [], [], []));

    [Test]
    public void DriftMarkdown_HostileContextAndIds_StayInCodeSpansAndCells()
    {
        var text = Write(o => DriftWriter.Write(Drift(HostileMarkdown, "x/" + HostileMarkdown, "y/" + HostileMarkdown), DriftFormat.Markdown, o));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.StartWith($"## Drift between cluster `{InCode}` and the manifests\n"));
            Assert.That(text, Does.Contain($"\n- `x/{InCode}`\n"));
            Assert.That(text, Does.Contain($"\n| `y/{InCode}` | `x/b` | TCP 80 | — |\n"));
        }
    }

    [Test]
    public void DriftText_HostileContextAndIds_AreShownEscaped()
    {
        var text = Write(o => DriftWriter.Write(Drift(HostileTerminal, "x/" + HostileTerminal, "y/" + HostileTerminal), DriftFormat.Text, o));

        AssertNeutralised(text);
        Assert.That(text, Does.StartWith($"Drift between cluster '{ShownOnTerminal}' and the manifests\n"));
    }

    [Test]
    public void ServicesMarkdown_HostileServiceName_StaysInItsCodeSpan()
    {
        var text = Write(o => ServicesMarkdownWriter.Write(ServicesWith(HostileMarkdown), o));

        Assert.That(text, Does.Contain($"\n| `shop/{InCode}` | ClusterIP |"));
    }

    [Test]
    public void ServicesText_HostileServiceName_IsShownEscaped()
    {
        var text = Write(o => ServicesTextWriter.Write(ServicesWith(HostileTerminal), o));

        AssertNeutralised(text);
    }

    [Test]
    public void LintMarkdown_LinkAndEmphasisInMessage_AreLiteral()
    {
        var rule = new DiagnosticDescriptor("PC1999", "SomeRule", "Some rule", "Policy '{0}' is wrong.", "Correctness", Severity.Warning);
        var report = new LintReport([Diagnostic.Create(rule, SourceSpan.At("a.yaml", 3, 5), "| ** [x](javascript:alert(1))")], 1, 1);

        var text = Write(o => LintMarkdownWriter.Write(report, o));

        Assert.That(text, Does.EndWith("| `a.yaml:3:5` | Policy '\\| \\*\\* \\[x\\](javascript:alert(1))' is wrong. |\n"));
    }

    private static ServicesReport ServicesWith(string name)
    {
        var cluster = new ManifestBuilder()
            .Workload("shop/web", w => w.Labels(("app", "web")).Port(8001, "http"))
            .Build();
        cluster = cluster with
        {
            Services =
            [
                new Service("shop", name, ServiceType.ClusterIP, null, Labels.Of(("app", "web")),
                    [new ServicePort("http", Protocol.Tcp, 80, PortValue.Of(8001), null, SourceSpan.None)],
                    null, null, null, SourceSpan.None),
            ],
        };
        var matrix = Evaluator.Evaluate(cluster);
        return new ServicesReport(ServiceSummary.Build(cluster, new ServiceReachability(cluster, matrix)), matrix.Subjects, null);
    }

    private static void AssertNeutralised(string text)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text.Contains('\u001b'), Is.False, "ordinal: culture comparison ignores control characters");
            Assert.That(text.Contains('\u0007'), Is.False, "ordinal: culture comparison ignores control characters");
            Assert.That(text.Contains('\u202e'), Is.False, "ordinal: culture comparison ignores control characters");
            Assert.That(text, Does.Contain(ShownOnTerminal));
        }
    }
}
