using System.Runtime.CompilerServices;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Engine;

/// <summary>
/// Phase 4 of an evaluation: the cells, row by row. A cell from source a to destination b allows the atoms that
/// both a's egress decision and b's ingress decision allow; an undecided direction allows everything
/// (<see cref="StageChain"/>). Each row starts from a <see cref="RowStart"/> pattern and overrides only the
/// columns a stage wrote, so a row costs what its rules touch, not the node count. Sources with the same
/// <see cref="RowKey"/> share one computed row. No allocation happens per cell: the scratch rows are allocated
/// once and cleared through their touched lists.
/// </summary>
internal sealed class CellBuilder
{
    private readonly StageChain _chain;
    private readonly PortAtoms _atoms;
    private readonly IProgress<AnalysisProgress>? _progress;
    private readonly CancellationToken _cancellationToken;

    public CellBuilder(StageChain chain, PortAtoms atoms, IProgress<AnalysisProgress>? progress, CancellationToken cancellationToken)
    {
        _chain = chain;
        _atoms = atoms;
        _progress = progress;
        _cancellationToken = cancellationToken;
    }

    // Fully optimised from the first call: the process evaluates once, and under tiered compilation the per-row
    // methods would otherwise run unoptimised code for much of the evaluation (measured: about +50 % evaluate time
    // on a loaded machine; equal with DOTNET_TieredCompilation=0).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public CellTable Build()
    {
        var layout = _chain.Layout;
        var stages = _chain.Stages;
        var n = layout.Count;
        var w = _atoms.Words;
        var interner = new BitsetInterner(w);
        var allId = interner.Intern(_atoms.All);
        var ingressDecider = _chain.Deciders(Direction.Ingress);
        var egressDecider = _chain.Deciders(Direction.Egress);
        var sourceGroups = _chain.SourceGroups;

        var egress = new NodeAllowances(n, w);
        var ingress = new NodeAllowances[stages.Count];
        for (var s = 0; s < ingress.Length; s++)
            ingress[s] = new NodeAllowances(n, w);
        var cell = new ulong[w];
        var last = new ulong[w];
        var rowBase = new int[n];
        var overrideColumns = new int[n][];
        var overrideValues = new int[n][];
        var rowGroups = new int[n];
        var rows = new Dictionary<RowKey, int>(); // row key -> first source with it
        var candidates = new List<int>();
        var columns = new List<int>();
        var values = new List<int>();

        RowPattern[] bases =
        [
            RowPattern.Uniform(0),
            RowPattern.FromCells(n, b => ingressDecider[b] != StageChain.Undecided ? 0 : allId),
            RowPattern.FromCells(n, b => layout.IsClass(b) && ingressDecider[b] == StageChain.Undecided ? allId : 0),
        ];

        int Intern(ulong[] bits, ref int lastId)
        {
            if (lastId >= 0 && bits.AsSpan().SequenceEqual(last))
                return lastId;
            lastId = interner.Intern(bits);
            bits.CopyTo(last, 0);
            return lastId;
        }

        for (var a = 0; a < n; a++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var egressStage = egressDecider[a];
            var start = egressStage != StageChain.Undecided ? RowStart.DenyAll
                : layout.IsExternal(a) ? RowStart.OpenExternal
                : RowStart.OpenPod;
            var key = new RowKey(start, sourceGroups[a]);
            if (rows.TryGetValue(key, out var same))
            {
                rowGroups[a] = rowGroups[same];
                rowBase[a] = rowBase[same];
                overrideColumns[a] = overrideColumns[same];
                overrideValues[a] = overrideValues[same];
                continue;
            }

            rows[key] = a;
            rowGroups[a] = rows.Count - 1;
            rowBase[a] = (int)start;
            if (egressStage != StageChain.Undecided)
                stages[egressStage].AllowEgress(a, egress);
            for (var s = 0; s < stages.Count; s++)
                stages[s].AllowIngress(a, ingress[s]);

            // Only the written columns can differ from the row's pattern.
            columns.Clear();
            values.Clear();
            var lastId = -1;
            if (egressStage == StageChain.Undecided)
            {
                // The pattern allows all where ingress is undecided; a column some stage decides gets its allowance.
                candidates.Clear();
                for (var s = 0; s < stages.Count; s++)
                {
                    foreach (var b in ingress[s].Touched)
                    {
                        if (ingressDecider[b] == s)
                            candidates.Add(b);
                    }
                }

                candidates.Sort();
                foreach (var b in candidates)
                {
                    ingress[ingressDecider[b]][b].CopyTo(cell);
                    Add(b, Intern(cell, ref lastId));
                }
            }
            else
            {
                egress.Touched.Sort();
                foreach (var b in egress.Touched)
                {
                    egress[b].CopyTo(cell);
                    var ingressStage = ingressDecider[b];
                    if (ingressStage != StageChain.Undecided)
                    {
                        if (ingress[ingressStage].IsTouched(b))
                            And(cell, ingress[ingressStage][b]);
                        else
                            Array.Clear(cell);
                    }

                    Add(b, Intern(cell, ref lastId));
                }
            }

            egress.Reset();
            foreach (var scratch in ingress)
                scratch.Reset();
            overrideColumns[a] = [.. columns];
            overrideValues[a] = [.. values];
            if ((a & 255) == 0)
                _progress?.Report(new AnalysisProgress("evaluate", a, n));
        }

        _progress?.Report(new AnalysisProgress("evaluate", n, n));
        var portSets = new PortSet[interner.Count];
        for (var i = 0; i < portSets.Length; i++)
            portSets[i] = _atoms.ToPortSet(interner[i]);
        return new CellTable(bases, rowBase, overrideColumns, overrideValues, portSets, rowGroups);

        void Add(int column, int id)
        {
            if (id == 0)
                return; // empty: the DenyAll pattern and an emptied decided column both read 0
            columns.Add(column);
            values.Add(id);
        }
    }

    private static void And(Span<ulong> target, ReadOnlySpan<ulong> source)
    {
        for (var i = 0; i < target.Length; i++)
            target[i] &= source[i];
    }
}
