namespace PolicyCheck.Reporting.Sarif;

/// <summary>A SARIF <c>suppression</c>: why a finding is not to be acted on, and where that was said.</summary>
public sealed record SarifSuppression(SarifSuppressionKind Kind, string Justification);
