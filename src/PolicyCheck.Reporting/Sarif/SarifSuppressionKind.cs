namespace PolicyCheck.Reporting.Sarif;

/// <summary>SARIF <c>suppression.kind</c>: in the source (an annotation on the object) or outside it (a baseline file).</summary>
public enum SarifSuppressionKind
{
    InSource,
    External,
}
