namespace PolicyCheck.Reporting.Explain;

/// <summary>How a line of an explanation reads at a glance; text writers may colour it.</summary>
internal enum OutlineTone
{
    Neutral,
    Allowed,
    Denied,
}
