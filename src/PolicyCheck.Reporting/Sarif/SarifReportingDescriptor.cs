namespace PolicyCheck.Reporting.Sarif;

/// <summary>A SARIF <c>reportingDescriptor</c>: one rule, as <c>tool.driver.rules[ruleIndex]</c>.</summary>
public sealed record SarifReportingDescriptor(
    string Id,
    string Name,
    string ShortDescription,
    string FullDescription,
    SarifMultiformatMessage Help,
    Uri HelpUri,
    SarifLevel DefaultLevel,
    SarifRuleProperties Properties);
