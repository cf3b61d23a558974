namespace PolicyCheck.Core.Explain;

/// <summary>Which side of a denied flow stops it: the source's egress, the destination's ingress, or both.</summary>
public enum DeniedBy
{
    /// <summary>The source's egress allows nothing of what was asked; the destination's ingress would.</summary>
    Egress,

    /// <summary>The destination's ingress allows nothing of what was asked; the source's egress would.</summary>
    Ingress,

    /// <summary>
    /// Both sides: each denies what was asked, or (without a port) each allows something, but nothing they both allow.
    /// </summary>
    Both,
}
