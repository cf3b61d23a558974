using PolicyCheck.Core.Engine;
using PolicyCheck.Manifests;
using PolicyCheck.Reporting.Formats;

namespace PolicyCheck.Cli;

/// <summary>What --verbose adds on stderr: what was read, what it became, and how long each stage took.</summary>
internal static class Verbose
{
    public static void Timing(Terminal terminal, LoadResult loaded, ReachabilityMatrix matrix, TimeSpan load, TimeSpan evaluate)
    {
        var stats = loaded.Statistics;
        var cluster = loaded.Cluster;
        var error = terminal.Error;
        error.WriteLine($"read {stats.Files} file(s), {stats.Documents} document(s), {stats.Objects} object(s) in {load.TotalMilliseconds:F0} ms");
        if (stats.SkippedKinds.Count > 0)
            error.WriteLine(TerminalText.Clean("skipped: " + string.Join(", ", stats.SkippedKinds.Select(p => $"{p.Value} {p.Key}")))); // kinds as written in the input
        error.WriteLine($"model: {cluster.Namespaces.Length} namespace(s), {cluster.Workloads.Length} workload(s), {cluster.Services.Length} service(s), {cluster.Policies.Length} network polic(ies)");
        var created = cluster.Workloads.Where(w => w.CreatedFrom is not null).ToList();
        if (created.Count > 0)
        {
            // Custom resources the operator catalogue turned into workloads (docs/operators.md).
            error.WriteLine(TerminalText.Clean("created by operators: " + string.Join(", ", created.Select(w => $"{w.Id} ({w.Kind}) from {w.CreatedFrom}"))));
        }
        error.WriteLine($"evaluated {matrix.Subjects.Length} subject(s) in {matrix.ClassCount} equivalence class(es), {matrix.DistinctPortSets} distinct port set(s) in {evaluate.TotalMilliseconds:F0} ms");
    }
}
