using BenchmarkDotNet.Attributes;
using PolicyCheck.Core.Engine;
using PolicyCheck.Manifests;

namespace PolicyCheck.Benchmarks;

/// <summary>
/// The full connection list, one line per allowed pair. Its size is the number of allowed pairs (about 20 million
/// at 10k workloads, where a fifth of the namespaces have no policy), so it is measured at 1k and 10k only.
/// </summary>
[MemoryDiagnoser]
public class ListBenchmarks
{
    private ReachabilityMatrix _matrix = null!;

    [Params(1_000, 10_000)]
    public int Workloads { get; set; }

    [GlobalSetup]
    public void Setup() => _matrix = Evaluator.Evaluate(ManifestLoader.Load([Sizes.Folder(Workloads)]).Cluster);

    [Benchmark]
    public long RenderList()
    {
        using var writer = new CountingWriter();
        foreach (var connection in _matrix.Connections())
        {
            writer.Write(connection.From.DisplayName);
            writer.Write(" => ");
            writer.Write(connection.To.DisplayName);
            writer.Write(" : ");
            writer.WriteLine(connection.Allowed.ToString());
        }

        return writer.Count;
    }
}
