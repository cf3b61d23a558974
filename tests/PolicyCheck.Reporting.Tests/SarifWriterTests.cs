using System.Text.Json;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Reporting.Sarif;
using static PolicyCheck.Reporting.Tests.SarifSamples;

namespace PolicyCheck.Reporting.Tests;

/// <summary>
/// The SARIF log, member by member, against the SARIF 2.1.0 spec (sections cited) and what GitHub code scanning reads.
/// </summary>
public sealed class SarifWriterTests
{
    [Test]
    public void Write_CleanRun_WritesSchemaToolRulesAndEmptyResults()
    {
        var sarif = Write(Clean());
        using var document = JsonDocument.Parse(sarif);
        var root = document.RootElement;
        var run = root.GetProperty("runs")[0];
        var driver = run.GetProperty("tool").GetProperty("driver");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.GetProperty("$schema").GetString(), Is.EqualTo("https://json.schemastore.org/sarif-2.1.0.json"));
            Assert.That(root.GetProperty("version").GetString(), Is.EqualTo("2.1.0"));
            Assert.That(driver.GetProperty("name").GetString(), Is.EqualTo("PolicyCheck"));
            Assert.That(driver.GetProperty("version").GetString(), Is.EqualTo("0.1.0"));
            Assert.That(driver.GetProperty("semanticVersion").GetString(), Is.EqualTo("0.1.0"));
            Assert.That(driver.GetProperty("informationUri").GetString(), Is.EqualTo("https://github.com/policycheck/policycheck"));
            Assert.That(driver.GetProperty("rules").GetArrayLength(), Is.EqualTo(3));
            Assert.That(run.GetProperty("results").ValueKind, Is.EqualTo(JsonValueKind.Array));
            Assert.That(run.GetProperty("results").GetArrayLength(), Is.Zero);
            Assert.That(run.GetProperty("automationDetails").GetProperty("id").GetString(), Is.EqualTo("policycheck/lint/"));
            Assert.That(run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString(),
                Is.EqualTo("file:///src/shop/"));
        }
    }

    [Test]
    public void Write_AnyInput_WritesOneJsonDocumentEndingInNewLine()
    {
        var sarif = Write(Shop());

        Assert.That(sarif, Does.StartWith("{").And.EndWith("}\n"));
        Assert.That(() => JsonDocument.Parse(sarif).Dispose(), Throws.Nothing);
    }

    [TestCase(Severity.Error, "error", "error")]
    [TestCase(Severity.Warning, "warning", "warning")]
    [TestCase(Severity.Note, "note", "recommendation")]
    [Description("SARIF §3.27.10 result.level; GitHub reads properties.problem.severity as error, warning or recommendation.")]
    public void Write_Severity_SetsLevelDefaultLevelAndProblemSeverity(Severity severity, string level, string problem)
    {
        var descriptor = PeerSelectorsSplit with { DefaultSeverity = severity };
        var sarif = Write(Input(Finding(descriptor, Span("a.yaml", 1, 1, 2), "p")) with { Rules = [descriptor] });
        var rule = Run(sarif).GetProperty("tool").GetProperty("driver").GetProperty("rules")
            .EnumerateArray().Single(r => r.GetProperty("id").GetString() == "PC1003");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Result(sarif).GetProperty("level").GetString(), Is.EqualTo(level));
            Assert.That(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), Is.EqualTo(level));
            Assert.That(rule.GetProperty("properties").GetProperty("problem.severity").GetString(), Is.EqualTo(problem));
        }
    }

    [Test]
    public void Write_Finding_WritesRuleIdMessageAndRegion()
    {
        var span = new Core.Model.SourceSpan("k8s/net.yaml", 12, 5, 14, 21);
        var result = Result(Write(Input(Finding(PeerSelectorsSplit, span, "allow-web"))));
        var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.GetProperty("ruleId").GetString(), Is.EqualTo("PC1003"));
            Assert.That(result.GetProperty("message").GetProperty("text").GetString(), Is.EqualTo(
                "'allow-web' lists podSelector and namespaceSelector as separate peers, which allows either; " +
                "merge them into one peer to require both."));
            Assert.That(region.GetProperty("startLine").GetInt32(), Is.EqualTo(12));
            Assert.That(region.GetProperty("startColumn").GetInt32(), Is.EqualTo(5));
            Assert.That(region.GetProperty("endLine").GetInt32(), Is.EqualTo(14));
            Assert.That(region.GetProperty("endColumn").GetInt32(), Is.EqualTo(21));
        }
    }

    [Test]
    public void Write_SpanEndingBeforeItStarts_WritesStartOnly()
    {
        var span = new Core.Model.SourceSpan("k8s/net.yaml", 12, 5, 0, 0);
        var region = Result(Write(Input(Finding(PeerSelectorsSplit, span, "p"))))
            .GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");

        Assert.That(region.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "startLine", "startColumn" }));
    }

    [TestCase("k8s/net.yaml", "k8s/net.yaml")]
    [TestCase("/src/shop/k8s/net.yaml", "k8s/net.yaml")]
    [TestCase("/src/shop/apps/my app/net.yaml", "apps/my%20app/net.yaml")]
    [TestCase("./deploy/../k8s/net.yaml", "k8s/net.yaml")]
    [Description("GitHub code scanning needs repo-relative URIs (SARIF §3.4.4 uriBaseId, §3.14.14 originalUriBaseIds).")]
    public void Write_FileInsideRepository_WritesRelativeUriUnderSrcRoot(string path, string uri)
    {
        var artifact = ArtifactLocation(Write(Input(Finding(PeerSelectorsSplit, Span(path, 1, 1, 2), "p"))));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(artifact.GetProperty("uri").GetString(), Is.EqualTo(uri));
            Assert.That(artifact.GetProperty("uriBaseId").GetString(), Is.EqualTo("%SRCROOT%"));
        }
    }

    [TestCase("/elsewhere/net.yaml", "file:///elsewhere/net.yaml")]
    [TestCase("/src/shop/../net.yaml", "file:///src/net.yaml")]
    [TestCase("/src/shopping/net.yaml", "file:///src/shopping/net.yaml")]
    [TestCase("cluster://prod/shop/NetworkPolicy/allow-web", "cluster://prod/shop/NetworkPolicy/allow-web")]
    public void Write_FileOutsideRepositoryOrLiveObject_WritesAbsoluteUriWithoutBase(string path, string uri)
    {
        var artifact = ArtifactLocation(Write(Input(Finding(PeerSelectorsSplit, Span(path, 1, 1, 2), "p"))));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(artifact.GetProperty("uri").GetString(), Is.EqualTo(uri));
            Assert.That(artifact.TryGetProperty("uriBaseId", out _), Is.False);
        }
    }

    [Test]
    [Description("SARIF §3.27.22 relatedLocations: each with an id unique in the result, here with a message.")]
    public void Write_RelatedSpans_WritesRelatedLocationsWithIdsAndMessages()
    {
        var diagnostic = Finding(PeerSelectorsSplit, Span("k8s/a.yaml", 4, 3, 9), "p") with
        {
            Related = [Span("k8s/b.yaml", 7, 5, 11), Span("k8s/c.yaml", 2, 1, 4)],
        };
        var related = Result(Write(Input(diagnostic))).GetProperty("relatedLocations");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(related.GetArrayLength(), Is.EqualTo(2));
            Assert.That(related[0].GetProperty("id").GetInt32(), Is.EqualTo(1));
            Assert.That(related[1].GetProperty("id").GetInt32(), Is.EqualTo(2));
            Assert.That(related[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString(),
                Is.EqualTo("k8s/b.yaml"));
            Assert.That(related[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32(),
                Is.EqualTo(7));
            Assert.That(related[0].GetProperty("message").GetProperty("text").GetString(),
                Is.EqualTo("Related location 'k8s/b.yaml:7:5'."));
        }
    }

    [Test]
    public void Write_NoRelatedSpans_LeavesRelatedLocationsOut()
    {
        var result = Result(Write(Input(Finding(PeerSelectorsSplit, Span("k8s/a.yaml", 4, 3, 9), "p"))));

        Assert.That(result.TryGetProperty("relatedLocations", out _), Is.False);
    }

    [TestCase(SarifSuppressionKind.InSource, "inSource")]
    [TestCase(SarifSuppressionKind.External, "external")]
    [Description("SARIF §3.34 suppression: kind inSource or external, with a justification.")]
    public void Write_SuppressedFinding_WritesSuppression(SarifSuppressionKind kind, string name)
    {
        var finding = new SarifFinding(Finding(PeerSelectorsSplit, Span("k8s/a.yaml", 4, 3, 9), "p"),
            new SarifSuppression(kind, "Accepted risk."));
        var suppressions = Result(Write(Input(finding))).GetProperty("suppressions");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(suppressions.GetArrayLength(), Is.EqualTo(1));
            Assert.That(suppressions[0].GetProperty("kind").GetString(), Is.EqualTo(name));
            Assert.That(suppressions[0].GetProperty("justification").GetString(), Is.EqualTo("Accepted risk."));
        }
    }

    [Test]
    public void Write_UnsuppressedFinding_LeavesSuppressionsOut()
    {
        var result = Result(Write(Input(Finding(PeerSelectorsSplit, Span("k8s/a.yaml", 4, 3, 9), "p"))));

        Assert.That(result.TryGetProperty("suppressions", out _), Is.False);
    }

    [Test]
    [Description("SARIF §3.27.6 ruleIndex: the index of the rule in tool.driver.rules.")]
    public void Write_Findings_RuleIndexPointsAtTheRuleWithTheSameId()
    {
        var sarif = Write(Input(
            Finding(UnusedPolicy, Span("k8s/a.yaml", 1, 1, 2), "p", "ns"),
            Finding(MetadataEgress, Span("k8s/b.yaml", 1, 1, 2), "q"),
            Finding(PeerSelectorsSplit, Span("k8s/c.yaml", 1, 1, 2), "r")));
        var rules = Run(sarif).GetProperty("tool").GetProperty("driver").GetProperty("rules");

        Assert.That(Run(sarif).GetProperty("results").GetArrayLength(), Is.EqualTo(3));
        foreach (var result in Run(sarif).GetProperty("results").EnumerateArray())
        {
            Assert.That(rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString(),
                Is.EqualTo(result.GetProperty("ruleId").GetString()));
        }
    }

    [Test]
    public void Write_FindingOfRuleNotListed_AddsItsRule()
    {
        var input = Input(Finding(PeerSelectorsSplit, Span("k8s/a.yaml", 1, 1, 2), "p")) with { Rules = [] };
        var rules = Run(Write(input)).GetProperty("tool").GetProperty("driver").GetProperty("rules");

        Assert.That(rules.EnumerateArray().Select(r => r.GetProperty("id").GetString()), Is.EqualTo(new[] { "PC1003" }));
    }

    [Test]
    public void Write_SameFindingsInAnotherOrder_WritesTheSameLog()
    {
        var input = Shop();
        var reversed = input with
        {
            Findings = [.. input.Findings.Reverse()],
            Rules = [.. input.Rules.Reverse()],
        };

        Assert.That(Write(reversed), Is.EqualTo(Write(input)));
    }

    [Test]
    public void Write_SecurityRuleWithMetadata_WritesTagsSecuritySeverityAndHelp()
    {
        var rule = Run(Write(Clean())).GetProperty("tool").GetProperty("driver").GetProperty("rules")
            .EnumerateArray().Single(r => r.GetProperty("id").GetString() == "PC2004");
        var properties = rule.GetProperty("properties");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(properties.GetProperty("tags").EnumerateArray().Select(t => t.GetString()),
                Is.EqualTo(new[] { "security", "external/cwe/cwe-918" }));
            Assert.That(properties.GetProperty("security-severity").GetString(), Is.EqualTo("7.5"));
            Assert.That(properties.GetProperty("precision").GetString(), Is.EqualTo("high"));
            Assert.That(rule.GetProperty("fullDescription").GetProperty("text").GetString(), Does.StartWith("An egress rule"));
            Assert.That(rule.GetProperty("help").GetProperty("markdown").GetString(), Does.Contain("`169.254.169.254`"));
            Assert.That(rule.GetProperty("helpUri").GetString(),
                Is.EqualTo("https://github.com/policycheck/policycheck/blob/main/docs/rules/PC2004.md"));
        }
    }

    [Test]
    public void Write_RuleWithoutMetadata_UsesCategoryTagAndTitle()
    {
        var rule = Run(Write(Clean())).GetProperty("tool").GetProperty("driver").GetProperty("rules")
            .EnumerateArray().Single(r => r.GetProperty("id").GetString() == "PC1003");
        var properties = rule.GetProperty("properties");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rule.GetProperty("name").GetString(), Is.EqualTo("PeerSelectorsSplit"));
            Assert.That(rule.GetProperty("shortDescription").GetProperty("text").GetString(),
                Is.EqualTo("Pod and namespace selectors are separate peers."));
            Assert.That(properties.GetProperty("tags").EnumerateArray().Select(t => t.GetString()), Is.EqualTo(new[] { "correctness" }));
            Assert.That(properties.TryGetProperty("security-severity", out _), Is.False);
            Assert.That(rule.GetProperty("help").GetProperty("markdown").GetString(), Does.Contain(
                "[PC1003 PeerSelectorsSplit](https://github.com/policycheck/policycheck/blob/main/docs/rules/PC1003.md)"));
        }
    }

    [TestCase("/src/shop", "file:///src/shop/")]
    [TestCase("/src/shop/", "file:///src/shop/")]
    [TestCase("/", "file:///")]
    public void Write_RepositoryRoot_WritesSrcRootAsFolderUri(string root, string uri)
    {
        var run = Run(Write(Clean() with { RepositoryRoot = root }));

        Assert.That(run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString(), Is.EqualTo(uri));
    }

    private static JsonElement ArtifactLocation(string sarif) =>
        Result(sarif).GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
}
