using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Lint.Settings;
using PolicyCheck.Manifests;

namespace PolicyCheck.Lint.Tests;

public sealed class LintSettingsTests
{
    private const string UdpPolicy = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: p, namespace: shop}
        spec:
          podSelector: {}
          policyTypes: [Egress]
          egress:
            - ports:
                - port: 123
                - port: 9999
            - to: [{ipBlock: {cidr: 0.0.0.0/0}}]
        """;

    private static readonly SourceSpan Here = SourceSpan.At("config.yaml", 3, 5);

    private static ImmutableArray<Diagnostic> Lint(LintSettings settings, params LintRule[] rules)
    {
        var loaded = ManifestLoader.LoadText(UdpPolicy, "a.yaml");
        return Linter.Run(loaded.Cluster, Evaluator.Evaluate(loaded.Cluster), rules: rules, settings: settings);
    }

    private static LintSettings Settings(string id, bool? enabled = null, Severity? severity = null, params (string Name, RuleParameterValue Value)[] parameters) =>
        LintSettings.Default.With(new LintSettings(ImmutableDictionary<string, RuleSettings>.Empty.Add(id,
            new RuleSettings(enabled, severity, parameters.ToImmutableDictionary(p => p.Name, p => p.Value), Here))));

    private static RuleParameterValue List(params string[] items) =>
        RuleParameterValue.List(items.Select((t, i) => (t, SourceSpan.At("config.yaml", 4, 10 + (4 * i)))), SourceSpan.At("config.yaml", 4, 5));

    [Test]
    public void Run_NoSettings_DefaultSeverityAndDefaultPorts()
    {
        var findings = Lint(LintSettings.Default, new Rules.ProtocolOmittedOnUdpPort());

        Assert.That(findings.Select(d => (d.Span.Line, d.Severity)), Is.EqualTo(new[] { (9, Severity.Warning) }));
    }

    [Test]
    public void Run_SeverityOverride_FindingCarriesIt()
    {
        var findings = Lint(Settings(RuleIds.ProtocolOmittedOnUdpPort, severity: Severity.Error), new Rules.ProtocolOmittedOnUdpPort());

        Assert.That(findings.Select(d => (d.Severity, d.Descriptor.DefaultSeverity, d.SeverityOverride)),
            Is.EqualTo(new[] { (Severity.Error, Severity.Warning, (Severity?)Severity.Error) }));
    }

    [Test]
    public void Run_Disabled_RuleDoesNotRun()
    {
        var findings = Lint(Settings(RuleIds.ProtocolOmittedOnUdpPort, enabled: false), new Rules.ProtocolOmittedOnUdpPort(), new Rules.EgressToAnywhereWithoutMetadataExcept());

        Assert.That(findings.Select(d => d.Id), Is.EqualTo(new[] { RuleIds.EgressToAnywhereWithoutMetadataExcept }));
    }

    [Test]
    public void Run_UdpPortsParameter_ReplacesTheDefaultList()
    {
        var findings = Lint(Settings(RuleIds.ProtocolOmittedOnUdpPort, parameters: ("udp-ports", List("9999"))), new Rules.ProtocolOmittedOnUdpPort());

        Assert.That(findings.Select(d => (d.Span.Line, d.Message)), Is.EqualTo(new[]
        {
            (10, "NetworkPolicy 'p' allows port 9999 without a protocol, so TCP applies, but port 9999 is usually served over UDP; " +
                 "write 'protocol: UDP', and keep a TCP entry too if both are meant."),
        }));
    }

    [Test]
    public void Run_MetadataAddressesParameter_ReportsTheConfiguredAddress()
    {
        var findings = Lint(Settings(RuleIds.EgressToAnywhereWithoutMetadataExcept, parameters: ("metadata-addresses", List("100.100.100.200"))),
            new Rules.EgressToAnywhereWithoutMetadataExcept());

        Assert.That(findings.Single().Message, Does.Contain("metadata address 100.100.100.200; add '100.100.100.200/32'"));
    }

    [Test]
    public void Validate_UnknownRule_ErrorAtItsEntry()
    {
        var errors = Settings("PC9998", enabled: false).Validate(RuleCatalog.All);

        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "config.yaml:3:5: error: Rule 'PC9998' is not in the catalogue; 'policycheck rules' lists the rule IDs.",
        }));
    }

    [Test]
    public void Validate_UnknownParameter_ErrorNamesTheKnownOnes()
    {
        var errors = Settings(RuleIds.ProtocolOmittedOnUdpPort, parameters: ("ports", List("53"))).Validate(RuleCatalog.All);

        Assert.That(errors.Single().Message, Is.EqualTo("Rule PC1007 has no parameter 'ports'; use 'udp-ports'."));
    }

    [TestCase("udp-ports", "70000", "config.yaml:4:10", "'70000' in parameter 'udp-ports' is not a port number 1-65535.")]
    [TestCase("udp-ports", "dns", "config.yaml:4:10", "'dns' in parameter 'udp-ports' is not a port number 1-65535.")]
    public void Validate_BadPortItem_ErrorAtTheItem(string name, string item, string where, string message)
    {
        var errors = Settings(RuleIds.ProtocolOmittedOnUdpPort, parameters: (name, List("53", item))).Validate(RuleCatalog.All);

        Assert.That(errors.Select(e => (e.Span.ToString(), e.Message)), Is.EqualTo(new[] { (where.Replace(":10", ":14", StringComparison.Ordinal), message) }));
    }

    [Test]
    public void Validate_BadAddress_ErrorAtTheItem()
    {
        var errors = Settings(RuleIds.EgressToAnywhereWithoutMetadataExcept, parameters: ("metadata-addresses", List("169.254.169.254/32")))
            .Validate(RuleCatalog.All);

        Assert.That(errors.Single().Message, Is.EqualTo("'169.254.169.254/32' in parameter 'metadata-addresses' is not an IPv4 or IPv6 address."));
    }

    [Test]
    public void Validate_ScalarWhereListExpected_Error()
    {
        var errors = Settings(RuleIds.ProtocolOmittedOnUdpPort, parameters: ("udp-ports", RuleParameterValue.Scalar("53", Here)))
            .Validate(RuleCatalog.All);

        Assert.That(errors.Single().Message, Does.StartWith("Parameter 'udp-ports' must be a list"));
    }

    [Test]
    public void Run_InvalidSettings_Throws() =>
        Assert.That(() => Lint(Settings("PC9998", enabled: false), new Rules.ProtocolOmittedOnUdpPort()), Throws.ArgumentException);

    [Test]
    public void With_LaterLayerWinsPerField()
    {
        var lower = Settings(RuleIds.ProtocolOmittedOnUdpPort, enabled: false, severity: Severity.Note);
        var upper = Settings(RuleIds.ProtocolOmittedOnUdpPort, severity: Severity.Error);

        var merged = lower.With(upper).For(RuleIds.ProtocolOmittedOnUdpPort);

        Assert.That((merged.Enabled, merged.Severity), Is.EqualTo(((bool?)false, (Severity?)Severity.Error)));
    }
}
