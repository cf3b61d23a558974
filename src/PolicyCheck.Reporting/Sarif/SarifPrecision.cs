namespace PolicyCheck.Reporting.Sarif;

/// <summary>The <c>precision</c> rule property GitHub code scanning reads: how often a finding is a true positive.</summary>
public enum SarifPrecision
{
    Low,
    Medium,
    High,
    VeryHigh,
}
