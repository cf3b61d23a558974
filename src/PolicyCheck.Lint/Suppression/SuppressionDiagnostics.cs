using PolicyCheck.Core.Diagnostics;

namespace PolicyCheck.Lint.Suppression;

/// <summary>Diagnostics about suppressions themselves, in the tool band (PC9xxx).</summary>
public static class SuppressionDiagnostics
{
    public static DiagnosticDescriptor UnknownRuleInAnnotation { get; } = new(
        Id: RuleIds.UnknownRuleInSuppression,
        Name: nameof(RuleIds.UnknownRuleInSuppression),
        Title: "Suppression annotation names an unknown rule",
        MessageFormat: "The " + ObjectSuppression.AnnotationKey + " annotation names '{0}', which is not a rule ID; " +
                       "'policycheck rules' lists the IDs, so this suppresses nothing.",
        Category: RuleCategory.Tool,
        DefaultSeverity: Severity.Warning);
}
