using PolicyCheck.Core.Diagnostics;

namespace PolicyCheck.Config.Tests;

public sealed class ConfigReaderTests
{
    private static readonly HashSet<string> RuleIds = ["PC1001", "PC1007", "PC2003"];

    [Test]
    public void ReadConfig_CompleteFile_ReadsEverySection()
    {
        const string yaml = """
            profile: strict
            rules:
              PC1001: {enabled: false}
              PC2003:
                severity: error
                params: {ports: [53, 5353], mode: fast}
            ignore: [vendor/, "**/*.generated.yaml"]
            defaults:
              lint: {fail-on: warning, format: sarif}
              matrix: {ipblock-pods: ignore}
            """;

        var config = ConfigReader.ReadConfig(yaml, "c.yaml", RuleIds, out var errors);

        Assert.That(errors, Is.Empty);
        Assert.That(config, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(config!.Profile?.Text, Is.EqualTo("strict"));
            Assert.That(config.Rules.Select(r => (r.RuleId, r.Enabled, r.Severity)),
                Is.EqualTo(new[] { ("PC1001", (bool?)false, (Severity?)null), ("PC2003", null, Severity.Error) }));
            var parameters = config.Rules[1].Parameters;
            Assert.That(parameters.Select(p => (p.Name, p.Value.IsList, string.Join(",", p.Value.Items.Select(i => i.Text)))),
                Is.EqualTo(new[] { ("ports", true, "53,5353"), ("mode", false, "fast") }));
            Assert.That(parameters[0].Value.Items[1].Span.ToString(), Is.EqualTo("c.yaml:6:26"));
            Assert.That(config.Ignore.Select(i => i.Text), Is.EqualTo(new[] { "vendor/", "**/*.generated.yaml" }));
            Assert.That(config.Defaults.Select(d => $"{d.Command}.{d.Option}={d.Value.Items[0].Text}@{d.Span.Line}:{d.Span.Column}"),
                Is.EqualTo(new[] { "lint.fail-on=warning@9:10", "lint.format=sarif@9:28", "matrix.ipblock-pods=ignore@10:12" }));
        }
    }

    [Test]
    [Description("docs/configuration.md: cni is one word, kept with its place so that --cni's parser can report a bad value there.")]
    public void ReadConfig_Cni_ReadWithItsSpan()
    {
        var config = ConfigReader.ReadConfig("profile: strict\ncni: cilium\n", "c.yaml", RuleIds, out var errors);

        Assert.That(errors, Is.Empty);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(config?.Cni?.Text, Is.EqualTo("cilium"));
            Assert.That(config?.Cni?.Span.ToString(), Is.EqualTo("c.yaml:2:6"));
            Assert.That(ConfigReader.ReadConfig("profile: strict\n", "c.yaml", RuleIds, out _)?.Cni, Is.Null);
        }
    }

    [Test]
    public void ReadConfig_CniList_IsAnError()
    {
        var config = ConfigReader.ReadConfig("cni: [calico, cilium]\n", "c.yaml", RuleIds, out var errors);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(config, Is.Null);
            Assert.That(errors.Select(e => e.Span.ToString()), Has.Member("c.yaml:1:6"));
            Assert.That(errors.Single().Message, Does.Contain("'cni' must be a single value"));
        }
    }

    [Test]
    [Description("Issue #14: the operator catalogue's extra entries and the acknowledged policy kinds.")]
    public void ReadConfig_OperatorsAndIgnoreKinds_AreRead()
    {
        const string yaml = """
            operators:
              - {group: example.com, kind: Foo, operator: foo-operator, creates: nothing}
            ignore-kinds: [CiliumNetworkPolicy, NetworkPolicy.crd.antrea.io]
            """;

        var config = ConfigReader.ReadConfig(yaml, "c.yaml", RuleIds, out var errors);

        Assert.That(errors, Is.Empty);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(config!.Operators, Is.InstanceOf<PolicyCheck.Yaml.YamlSequence>());
            Assert.That((config.Operators!.Start.Line, config.Operators.Start.Column), Is.EqualTo((2, 3)));
            Assert.That(config.IgnoreKinds.Select(k => $"{k.Text}@{k.Span.Line}:{k.Span.Column}"),
                Is.EqualTo(new[] { "CiliumNetworkPolicy@3:16", "NetworkPolicy.crd.antrea.io@3:37" }));
        }
    }

    [Test]
    public void ReadConfig_EmptyFile_IsAnEmptyConfiguration()
    {
        var config = ConfigReader.ReadConfig("# nothing yet\n", "c.yaml", RuleIds, out var errors);

        Assert.That(errors, Is.Empty);
        Assert.That(config?.Rules, Is.Empty);
    }

    private static IEnumerable<TestCaseData> ConfigErrors()
    {
        yield return new TestCaseData("profil: strict\n", "c.yaml:1:1", "Unknown key 'profil' in the configuration; use 'profile', 'rules', 'ignore', 'defaults', 'cni', 'operators' or 'ignore-kinds'.").SetName("UnknownTopKey");
        yield return new TestCaseData("rules:\n  PC1001: {severity: fatal}\n", "c.yaml:2:22", "Severity 'fatal' is not valid").SetName("BadSeverity");
        yield return new TestCaseData("rules:\n  PC9999: {enabled: false}\n", "c.yaml:2:3", "Unknown rule 'PC9999'").SetName("UnknownRule");
        yield return new TestCaseData("rules:\n  PC1001: {enabled: maybe}\n", "c.yaml:2:21", "'enabled' must be true or false").SetName("BadBoolean");
        yield return new TestCaseData("rules:\n  PC1001: {enable: false}\n", "c.yaml:2:12", "Unknown key 'enable' in rule PC1001").SetName("UnknownRuleKey");
        yield return new TestCaseData("rules:\n  PC1001:\n", "c.yaml:2:10", "Rule PC1001 needs settings").SetName("RuleWithoutSettings");
        yield return new TestCaseData("rules: [PC1001]\n", "c.yaml:1:8", "'rules' must be a mapping").SetName("RulesAsList");
        yield return new TestCaseData("ignore: vendor\n", "c.yaml:1:9", "'ignore' must be a list").SetName("IgnoreNotAList");
        yield return new TestCaseData("defaults:\n  lint: warning\n", "c.yaml:2:9", "'defaults.lint' must map option names").SetName("DefaultsNotAMapping");
        yield return new TestCaseData("defaults:\n  lint: {fail-on: {a: b}}\n", "c.yaml:2:19", "'defaults.lint.fail-on' must be a value or a list").SetName("DefaultNested");
        yield return new TestCaseData("rules:\n  PC1001: {params: {ports: [[1]]}}\n", "c.yaml:2:29", "The items of 'ports' must be single values").SetName("NestedParameterList");
        yield return new TestCaseData("profile: [a, b]\n", "c.yaml:1:10", "'profile' must be a single value").SetName("ProfileList");
        yield return new TestCaseData("rules: {a: 1\n", "c.yaml:2:1", "The YAML is not valid").SetName("YamlSyntax");
        yield return new TestCaseData("rules: {}\nrules: {}\n", "c.yaml:2:1", "Key 'rules' appears twice in one mapping (first at line 1).").SetName("DuplicateKey");
        yield return new TestCaseData("rules: {}\n---\nrules: {}\n", "c.yaml:3:1", "one YAML document").SetName("TwoDocuments");
        yield return new TestCaseData("- a\n", "c.yaml:1:1", "The configuration must be a mapping").SetName("RootList");
    }

    [TestCaseSource(nameof(ConfigErrors))]
    public void ReadConfig_Invalid_ErrorAtFileLineColumn(string yaml, string where, string message)
    {
        var config = ConfigReader.ReadConfig(yaml, "c.yaml", RuleIds, out var errors);

        Assert.That(config, Is.Null);
        Assert.That(errors.Select(e => e.Span.ToString()), Has.Member(where));
        Assert.That(errors.Single(e => e.Span.ToString() == where).Message, Does.Contain(message));
    }

    [Test]
    public void ReadProfile_ExtendsAndRules_Read()
    {
        const string yaml = """
            name: team
            description: Our rules.
            extends: baseline
            rules:
              PC1007: {params: {udp-ports: [53]}}
            """;

        var profile = ConfigReader.ReadProfile(yaml, "team.yaml", RuleIds, out var errors);

        Assert.That(errors, Is.Empty);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(profile!.Name, Is.EqualTo("team"));
            Assert.That(profile.Extends?.Text, Is.EqualTo("baseline"));
            Assert.That(profile.Extends?.Span.ToString(), Is.EqualTo("team.yaml:3:10"));
            Assert.That(profile.Rules.Single().Parameters.Single().Name, Is.EqualTo("udp-ports"));
        }
    }

    [Test]
    public void ReadProfile_ConfigOnlyKey_IsAnError()
    {
        var profile = ConfigReader.ReadProfile("ignore: [a]\n", "p.yaml", RuleIds, out var errors);

        Assert.That(profile, Is.Null);
        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[] { "p.yaml:1:1: error: Unknown key 'ignore' in the profile; use 'name', 'description', 'extends' or 'rules'." }));
    }

    [Test]
    public void ReadProfile_Empty_IsAnError()
    {
        var profile = ConfigReader.ReadProfile("", "p.yaml", RuleIds, out var errors);

        Assert.That(profile, Is.Null);
        Assert.That(errors.Single().Span.ToString(), Is.EqualTo("p.yaml:1:1"));
    }
}
