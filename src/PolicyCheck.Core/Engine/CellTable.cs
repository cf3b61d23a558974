namespace PolicyCheck.Core.Engine;

/// <summary>
/// Phase 4's result: every row as a base pattern (<see cref="RowStart"/> indexes <see cref="Bases"/>) plus sparse
/// overrides (ascending columns with port-set ids), the distinct port sets by id (0 is empty), and per node the
/// group of sources whose rows are identical.
/// </summary>
internal sealed record CellTable(
    RowPattern[] Bases, int[] RowBase, int[][] OverrideColumns, int[][] OverrideValues, PortSet[] PortSets, int[] RowGroups);
