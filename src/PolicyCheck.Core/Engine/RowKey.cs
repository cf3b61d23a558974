namespace PolicyCheck.Core.Engine;

/// <summary>
/// Sources with equal row keys have identical rows, so a row is computed once per key: the pattern the row starts
/// from and the stage chain's group for the source (same egress decision, same admitting ingress rules).
/// </summary>
internal readonly record struct RowKey(RowStart Start, int SourceGroup);
