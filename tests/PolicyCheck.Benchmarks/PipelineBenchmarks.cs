using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using PolicyCheck.Core.Engine;
using PolicyCheck.Manifests;
using PolicyCheck.Reporting.Matrix;

namespace PolicyCheck.Benchmarks;

/// <summary>Each stage of <c>policycheck matrix</c> on its own: YAML → model, model → result, result → text.</summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private string _folder = string.Empty;
    private LoadResult _loaded = null!;
    private ReachabilityMatrix _matrix = null!;
    private ImmutableArray<int> _all;

    [Params(1_000, 10_000, 50_000)]
    public int Workloads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Sizes.Folder(Workloads);
        _loaded = ManifestLoader.Load([_folder]);
        _matrix = Evaluator.Evaluate(_loaded.Cluster);
        _all = [.. Enumerable.Range(0, _matrix.Subjects.Length)];
    }

    [Benchmark]
    public int Load() => ManifestLoader.Load([_folder]).Cluster.Workloads.Length;

    [Benchmark]
    public int Evaluate() => Evaluator.Evaluate(_loaded.Cluster).ClassCount;

    /// <summary>Grouped JSON, the form that stays readable (and writable) at every size.</summary>
    [Benchmark]
    public long RenderJsonGrouped() => Render(MatrixFormat.Json);

    /// <summary>The grouped terminal table (paged to 120 columns).</summary>
    [Benchmark]
    public long RenderTableGrouped() => Render(MatrixFormat.Table);

    private long Render(MatrixFormat format)
    {
        using var writer = new CountingWriter();
        MatrixWriters.Create(format).Write(new MatrixReport(_matrix, _all).Grouped(), writer);
        return writer.Count;
    }
}
