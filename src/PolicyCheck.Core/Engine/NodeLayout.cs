namespace PolicyCheck.Core.Engine;

/// <summary>
/// How the matrix's nodes are numbered: the workload classes first (<c>0 .. ClassCount-1</c>), then the external
/// address groups. Every bit set over nodes and every per-node array uses this numbering; ask the layout instead
/// of comparing an index with the class count.
/// </summary>
internal readonly record struct NodeLayout(int ClassCount, int ExternalCount)
{
    public int Count => ClassCount + ExternalCount;

    public bool IsExternal(int node) => node >= ClassCount;

    public bool IsClass(int node) => node < ClassCount;

    /// <summary>The node of external group <paramref name="group"/>.</summary>
    public int ExternalNode(int group) => ClassCount + group;
}
