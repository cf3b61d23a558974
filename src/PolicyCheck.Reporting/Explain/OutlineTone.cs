namespace PolicyCheck.Reporting.Explain;

/// <summary>How a line of an explanation reads at a glance; text writers may colour it.</summary>
public enum OutlineTone
{
    Neutral,
    Allowed,
    Denied,
}
