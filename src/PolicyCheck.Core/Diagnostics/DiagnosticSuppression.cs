namespace PolicyCheck.Core.Diagnostics;

/// <summary>Why a finding is not to be acted on; it is still reported, but never fails a run.</summary>
/// <param name="Justification">The reason given, or a description of where the suppression came from.</param>
public sealed record DiagnosticSuppression(SuppressionKind Kind, string Justification);
