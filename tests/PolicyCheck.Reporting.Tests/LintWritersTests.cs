using System.Text.Json;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;
using PolicyCheck.Reporting.Lint;

namespace PolicyCheck.Reporting.Tests;

public sealed class LintWritersTests
{
    private static readonly DiagnosticDescriptor Rule = new("PC1999", "SomeRule", "Some rule", "Policy '{0}' is wrong.", "Correctness", Severity.Warning);

    private static LintReport Report(bool showSuppressed) => new(
        [
            Diagnostic.Create(Rule, SourceSpan.At("a.yaml", 3, 5), "open"),
            Diagnostic.Create(Rule, SourceSpan.At("a.yaml", 9, 5), "accepted") with
            {
                Suppression = new DiagnosticSuppression(SuppressionKind.InSource, "reviewed"),
            },
            Diagnostic.Create(Rule, SourceSpan.At("b.yaml", 1, 1), "raised") with { SeverityOverride = Severity.Error },
        ],
        2,
        4)
    { ShowSuppressed = showSuppressed };

    [Test]
    public void Text_SuppressedHiddenAndCounted_OverrideSeverityShown()
    {
        var output = new StringWriter();

        LintTextWriter.Write(Report(showSuppressed: false), output);

        Assert.That(output.ToString().ReplaceLineEndings("\n"), Is.EqualTo(
            "a.yaml:3:5: warning PC1999: Policy 'open' is wrong. [SomeRule]\n\n" +
            "b.yaml:1:1: error PC1999: Policy 'raised' is wrong. [SomeRule]\n\n" +
            "1 error, 1 warning in 2 files (2 files, 4 objects checked; 1 suppressed).\n"));
    }

    [Test]
    public void Text_ShowSuppressed_ListsItWithTheReason()
    {
        var output = new StringWriter();

        LintTextWriter.Write(Report(showSuppressed: true), output);

        Assert.That(output.ToString(), Does.Contain("a.yaml:9:5: warning PC1999: Policy 'accepted' is wrong. [SomeRule] (suppressed: reviewed)"));
    }

    [Test]
    public void Json_SuppressedObjectAndCounts()
    {
        var output = new StringWriter();

        LintJsonWriter.Write(Report(showSuppressed: false), output);

        using var json = JsonDocument.Parse(output.ToString());
        var summary = json.RootElement.GetProperty("summary");
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((summary.GetProperty("errors").GetInt32(), summary.GetProperty("warnings").GetInt32(), summary.GetProperty("suppressed").GetInt32()),
                Is.EqualTo((1, 1, 1)));
            Assert.That(findings, Has.Count.EqualTo(3));
            Assert.That(findings[1].GetProperty("suppressed").GetProperty("kind").GetString(), Is.EqualTo("inSource"));
            Assert.That(findings[1].GetProperty("suppressed").GetProperty("justification").GetString(), Is.EqualTo("reviewed"));
            Assert.That(findings[0].TryGetProperty("suppressed", out _), Is.False);
            Assert.That(findings[2].GetProperty("severity").GetString(), Is.EqualTo("error"));
        }
    }

    [Test]
    public void Markdown_SuppressedHiddenUnlessShown()
    {
        var hidden = new StringWriter();
        var shown = new StringWriter();

        LintMarkdownWriter.Write(Report(showSuppressed: false), hidden);
        LintMarkdownWriter.Write(Report(showSuppressed: true), shown);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hidden.ToString(), Does.Not.Contain("accepted"));
            Assert.That(shown.ToString(), Does.Contain("Policy 'accepted' is wrong. _(suppressed: reviewed)_"));
        }
    }

    [Test]
    public void Summary_OnlySuppressed_NoFindings() =>
        Assert.That(new LintReport([Diagnostic.Create(Rule, SourceSpan.At("a.yaml", 1, 1), "x") with { Suppression = new DiagnosticSuppression(SuppressionKind.External, "baseline") }], 1, 1).Summary(),
            Is.EqualTo("No findings (1 file, 1 object checked; 1 suppressed)."));
}
