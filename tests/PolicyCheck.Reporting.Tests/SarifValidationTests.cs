using PolicyCheck.Reporting.Sarif;
using static PolicyCheck.Reporting.Tests.SarifSamples;

namespace PolicyCheck.Reporting.Tests;

/// <summary>
/// Our SARIF against Microsoft's validator with the SARIF, GHAS and GitHub ingestion (GH1001–GH1007) rules on, and
/// its snapshot reviewed by eye. A missing validator fails these tests with the install command.
/// </summary>
[Category(TestCategories.External)]
public sealed class SarifValidationTests
{
    [Test]
    public void Shop_Log_MatchesSnapshotAndValidatesClean()
    {
        var sarif = Write(Shop());

        Snapshot.Match(sarif, "sarif");
        SarifValidator.AssertValid(sarif);
    }

    [Test]
    public void CleanRun_Log_ValidatesClean() => SarifValidator.AssertValid(Write(Clean()));

    [Test]
    public void SuppressedFindingsWithRelatedLocations_Log_ValidatesClean()
    {
        var split = Finding(PeerSelectorsSplit, Span("k8s/policies.yaml", 14, 7, 49), "allow-web") with
        {
            Related = [Span("k8s/policies.yaml", 31, 5, 20), Span("k8s/other.yaml", 2, 3, 8)],
        };
        var sarif = Write(Input(
            new SarifFinding(split, new SarifSuppression(SarifSuppressionKind.External, "In the baseline of 2026-11-01.")),
            new SarifFinding(Finding(MetadataEgress, Span("k8s/egress.yaml", 9, 9, 28), "allow-egress"),
                new SarifSuppression(SarifSuppressionKind.InSource, "The metadata proxy filters this egress.")),
            new SarifFinding(Finding(UnusedPolicy, Span("k8s/policies.yaml", 3, 9, 22), "legacy", "shop"))));

        SarifValidator.AssertValid(sarif);
    }

    [Test]
    public void BrokenLog_Validate_ReportsErrors()
    {
        const string Broken = """
            {
              "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
              "version": "2.1.0",
              "runs": [{
                "tool": {"driver": {"name": "PolicyCheck"}},
                "results": [{
                  "ruleId": "PC1003",
                  "message": {"text": "No region and an absolute path."},
                  "locations": [{"physicalLocation": {"artifactLocation": {"uri": "file:///elsewhere/net.yaml"}}}]
                }]
              }]
            }
            """;

        var problems = SarifValidator.Validate(Broken);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problems, Has.Some.StartsWith("error GH1003:"), "a GitHub rule switched on by the config");
            Assert.That(problems, Has.Some.StartsWith("error GH1006:"));
            Assert.That(problems, Has.Some.StartsWith("warning SARIF2005:"), "an ordinary SARIF rule");
        }
    }
}
