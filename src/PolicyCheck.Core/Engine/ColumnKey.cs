namespace PolicyCheck.Core.Engine;

/// <summary>
/// Nodes with equal column keys and equal row groups are interchangeable in the matrix: same row, same kind, the
/// same treatment as a destination by every stage, and the same named container ports.
/// </summary>
/// <param name="RowGroup">The node's row as a source (<see cref="CellTable.RowGroups"/>).</param>
/// <param name="Kind">Pods, hostNetwork pods and outside addresses never group together.</param>
/// <param name="TargetGroup">The stage chain's group for the node as a destination.</param>
/// <param name="NamedPorts">The class's named container ports (interned); <c>-1</c> for outside addresses.</param>
internal readonly record struct ColumnKey(int RowGroup, NodeKind Kind, int TargetGroup, int NamedPorts);
