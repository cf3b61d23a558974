using System.Reflection;
using System.Text.RegularExpressions;

namespace PolicyCheck.Lint.Tests;

/// <summary>Meta-tests: every rule is registered, well named and numbered, documented and tested both ways.</summary>
public sealed partial class RuleCatalogTests
{
    private static readonly Dictionary<string, char> BandOfCategory = new(StringComparer.Ordinal)
    {
        [RuleCategory.Correctness] = '1',
        [RuleCategory.Security] = '2',
        [RuleCategory.Services] = '3',
        [RuleCategory.Tool] = '9',
    };

    public static IEnumerable<TestCaseData> Rules() =>
        RuleCatalog.All.Select(r => new TestCaseData(r.Descriptor.Id));

    [Test]
    public void Catalog_ListsEveryRuleClassOnce()
    {
        var classes = typeof(LintRule).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(LintRule)) && !t.IsAbstract)
            .Select(t => t.FullName).Order(StringComparer.Ordinal).ToList();
        var listed = RuleCatalog.All.Select(r => r.GetType().FullName).Order(StringComparer.Ordinal).ToList();

        Assert.That(listed, Is.EqualTo(classes));
    }

    [Test]
    public void Catalog_IdsAreUniqueAndInOrder()
    {
        var ids = RuleCatalog.All.Select(r => r.Descriptor.Id).ToList();

        Assert.That(ids, Is.Unique.And.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
    }

    [Test]
    public void RuleIds_EveryConstantIsARuleOrAToolDiagnostic()
    {
        var constants = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal); // every field is a string const
        var ids = RuleCatalog.All.Select(r => r.Descriptor.Id)
            .Append(Suppression.SuppressionDiagnostics.UnknownRuleInAnnotation.Id)
            .Order(StringComparer.Ordinal);

        Assert.That(constants, Is.EqualTo(ids));
    }

    [TestCaseSource(nameof(Rules))]
    public void Descriptor_IsWellFormed(string id)
    {
        var rule = RuleCatalog.All.Single(r => r.Descriptor.Id == id);
        var descriptor = rule.Descriptor;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(descriptor.Id, Does.Match(@"^PC[1-9]\d{3}$"), "PC + 4 digits; PC0xxx belong to the loader");
            Assert.That(BandOfCategory.TryGetValue(descriptor.Category, out var band), Is.True, $"unknown category '{descriptor.Category}'");
            Assert.That(descriptor.Id[2], Is.EqualTo(band), "the ID's band matches the category");
            Assert.That(descriptor.Name, Does.Match("^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)*$"), "PascalCase");
            Assert.That(descriptor.Name, Is.EqualTo(rule.GetType().Name), "the name is the class name");
            Assert.That(descriptor.Title, Is.Not.Empty.And.Not.EndsWith("."), "a title is not a sentence");
            Assert.That(descriptor.MessageFormat, Does.EndWith("."), "messages are sentences");
            Assert.That(descriptor.HelpUri.ToString(), Does.EndWith($"/docs/rules/{id}.md"));
        }
    }

    [TestCaseSource(nameof(Rules))]
    public void Metadata_SecurityRulesCarryTagAndSeverity(string id)
    {
        var rule = RuleCatalog.All.Single(r => r.Descriptor.Id == id);
        var isSecurity = rule.Descriptor.Category == RuleCategory.Security;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rule.Metadata.Tags.Contains(RuleMetadata.SecurityTag), Is.EqualTo(isSecurity), "the security tag marks security rules");
            if (isSecurity)
                Assert.That(rule.Metadata.SecuritySeverity, Is.InRange(0.1, 10.0), "GitHub's security-severity scale");
            else
                Assert.That(rule.Metadata.SecuritySeverity, Is.Null);
        }
    }

    [TestCaseSource(nameof(Rules))]
    public void Rule_HasFiresAndQuietTestFiles(string id)
    {
        var files = RuleTestData.Files().Where(f => RuleTestData.RuleIdOf(f) == id).Select(Path.GetFileName).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(files, Has.Some.StartsWith("fires-"), $"TestData/{id}/fires-*.yaml");
            Assert.That(files, Has.Some.StartsWith("quiet-"), $"TestData/{id}/quiet-*.yaml");
            Assert.That(files, Is.All.Match("^(fires|quiet)-[a-z0-9-]+\\.yaml$"));
        }
    }

    [Test]
    public void TestData_EveryFolderIsARule()
    {
        var folders = RuleTestData.Files().Select(RuleTestData.RuleIdOf).Distinct();

        Assert.That(folders, Is.SubsetOf(RuleCatalog.All.Select(r => r.Descriptor.Id)));
    }

    [TestCaseSource(nameof(Rules))]
    public void DocsPage_HasTheTemplateSections(string id)
    {
        var path = RuleDocs.PathOf(id);
        Assert.That(path, Does.Exist, $"docs/rules/{id}.md");
        var page = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var descriptor = RuleCatalog.All.Single(r => r.Descriptor.Id == id).Descriptor;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page, Does.StartWith($"# {id} {descriptor.Name}: {descriptor.Title}\n"));
            Assert.That(page, Does.Contain($"Severity: {descriptor.DefaultSeverity.ToString().ToLowerInvariant()} · Category: {descriptor.Category} · Since: "));
            foreach (var heading in new[] { "What it finds", "Why it matters", "Non-compliant", "Compliant", "When to suppress" })
                Assert.That(page, Does.Contain($"\n## {heading}\n"), heading);
            Assert.That(KubernetesLink().IsMatch(page), Is.True, "'Why it matters' cites the Kubernetes docs");
        }
    }

    [TestCaseSource(nameof(Rules))]
    public void DocsPage_NonCompliantFiresAndCompliantStaysQuiet(string id)
    {
        var page = File.ReadAllText(RuleDocs.PathOf(id)).Replace("\r\n", "\n", StringComparison.Ordinal);
        var bad = RuleDocs.YamlUnder(page, "Non-compliant");
        var good = RuleDocs.YamlUnder(page, "Compliant");
        Assert.That(bad, Is.Not.Null, "a yaml block under '## Non-compliant'");
        Assert.That(good, Is.Not.Null, "a yaml block under '## Compliant'");

        var fired = RuleTestData.Lint(bad!, $"docs/rules/{id}.md#non-compliant", id); // both asserted non-null above
        var quiet = RuleTestData.Lint(good!, $"docs/rules/{id}.md#compliant", id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fired, Is.Not.Empty, "the non-compliant example fires");
            Assert.That(quiet, Is.Empty, () => string.Join('\n', quiet));
        }
    }

    [GeneratedRegex(@"https://kubernetes\.io/docs/")]
    private static partial Regex KubernetesLink();
}
