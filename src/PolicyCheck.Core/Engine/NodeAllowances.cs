using System.Runtime.CompilerServices;

namespace PolicyCheck.Core.Engine;

/// <summary>
/// Scratch space for one row: per node, the atoms allowed so far, and which nodes were touched, so clearing
/// costs only what was written. Allocated once per evaluation and reused for every row.
/// </summary>
internal sealed class NodeAllowances
{
    private readonly int _words;
    private readonly ulong[] _atoms;
    private readonly bool[] _hit;
    private readonly List<int> _touched = [];

    public NodeAllowances(int nodes, int words)
    {
        _words = words;
        _atoms = new ulong[nodes * words];
        _hit = new bool[nodes];
    }

    /// <summary>The nodes written since the last <see cref="Reset"/>, in the order first written.</summary>
    public List<int> Touched => _touched;

    public bool IsTouched(int node) => _hit[node];

    /// <summary>The atoms allowed towards <paramref name="node"/>, all zero when it was not touched.</summary>
    public ReadOnlySpan<ulong> this[int node] => _atoms.AsSpan(node * _words, _words);

    /// <summary>The node's atoms to OR into; marks the node touched.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: called per row or per (rule, peer) pair; see CellBuilder
    public Span<ulong> Write(int node)
    {
        if (!_hit[node])
        {
            _hit[node] = true;
            _touched.Add(node);
        }

        return _atoms.AsSpan(node * _words, _words);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: called per row or per (rule, peer) pair; see CellBuilder
    public void Reset()
    {
        foreach (var node in _touched)
        {
            _atoms.AsSpan(node * _words, _words).Clear();
            _hit[node] = false;
        }

        _touched.Clear();
    }
}
