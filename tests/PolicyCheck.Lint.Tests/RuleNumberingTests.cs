using System.Globalization;
using System.Text.RegularExpressions;

namespace PolicyCheck.Lint.Tests;

/// <summary>
/// Lint messages name a rule of a policy as people count, the way explain does: "ingress rule #1" is the first item
/// of <c>spec.ingress</c> (paths stay 0-based, <c>spec.ingress[0]</c>). Checked on every finding of every fires file.
/// </summary>
public sealed partial class RuleNumberingTests
{
    [GeneratedRegex(@"\b(?:ingress|egress) rules? (#?)(\d+)\b")]
    private static partial Regex RuleReference();

    public static IEnumerable<TestCaseData> FiresFiles() =>
        RuleTestData.Files().Where(f => Path.GetFileName(f).StartsWith("fires-", StringComparison.Ordinal)).Select(f => new TestCaseData(f));

    [TestCaseSource(nameof(FiresFiles))]
    public void Messages_NameRulesOneBasedWithHash(string relativePath)
    {
        var yaml = File.ReadAllText(Path.Combine(RuleTestData.Folder, relativePath));

        var messages = RuleTestData.Lint(yaml, relativePath, RuleTestData.RuleIdOf(relativePath)).Select(d => d.Message).ToList();

        var wrong = messages.SelectMany(m => RuleReference().Matches(m).Select(match => (m, match)))
            .Where(x => x.match.Groups[1].Value != "#" || int.Parse(x.match.Groups[2].Value, CultureInfo.InvariantCulture) < 1)
            .Select(x => x.m)
            .ToList();
        Assert.That(wrong, Is.Empty);
    }

    [Test]
    [Description("k8s API: spec.egress is a list; its third item is what people call egress rule #3.")]
    public void Pc2007_ThirdEgressRule_IsRuleNumberThree()
    {
        const string Yaml = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: ops, namespace: tools}
            spec:
              podSelector: {}
              policyTypes: [Egress]
              egress:
                - to: [{podSelector: {}}]
                - to: [{podSelector: {}}]
                  ports: [{port: 53, protocol: UDP}]
                - ports: [{port: 443}]
            """;

        var found = RuleTestData.Lint(Yaml, "ops.yaml", RuleIds.EgressPortsOnlyRule);

        Assert.That(found.Select(d => d.Message).ToList(), Has.Count.EqualTo(1).And.All.Contains("NetworkPolicy 'ops' egress rule #3 lists ports"));
    }
}
