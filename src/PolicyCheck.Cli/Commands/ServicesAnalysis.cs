using System.Diagnostics;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Manifests;

namespace PolicyCheck.Cli.Commands;

/// <summary>Load → evaluate for the service views, with the same progress, --verbose and diagnostics as matrix.</summary>
internal static class ServicesAnalysis
{
    public static (LoadResult Loaded, ReachabilityMatrix Matrix) Run(
        IReadOnlyList<string> paths, string? ns, IpBlockPodMatching ipBlockPods, bool quiet, bool verbose, Terminal terminal, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        LoadResult loaded;
        ReachabilityMatrix matrix;
        using (var progress = new ProgressPrinter(terminal))
        {
            loaded = ManifestLoader.Load(paths, new LoadOptions(ns ?? "default"), terminal.Input, progress, cancellationToken);
            var loadTime = clock.Elapsed;
            matrix = Evaluator.Evaluate(loaded.Cluster, new EvaluationOptions(ipBlockPods), progress, cancellationToken);
            if (verbose)
                Verbose.Timing(terminal, loaded, matrix, loadTime, clock.Elapsed - loadTime);
        }

        DiagnosticPrinter.Print(loaded.Diagnostics, terminal, quiet);
        return (loaded, matrix);
    }

    /// <summary>The exit code after writing: usage error when the output failed, incomplete input when something was rejected.</summary>
    public static int Finish(bool written, LoadResult loaded, bool quiet, Terminal terminal)
    {
        if (!written)
            return (int)ExitCode.UsageError;
        if (!quiet && loaded.HasErrors)
            terminal.Error.WriteLine($"policycheck: {loaded.Diagnostics.Count(d => d.Severity == Core.Diagnostics.Severity.Error)} input error(s): the result leaves out what was rejected.");
        return (int)(loaded.HasErrors ? ExitCode.IncompleteInput : ExitCode.Ok);
    }

    /// <summary>Splits <c>NS/NAME</c>; null when it is not of that form.</summary>
    public static (string Namespace, string Name)? SplitId(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 || slash == text.Length - 1 || text.IndexOf('/', slash + 1) >= 0 ? null : (text[..slash], text[(slash + 1)..]);
    }

    public static Service? FindService(Cluster cluster, string id) =>
        SplitId(id) is var (ns, name) ? cluster.Services.FirstOrDefault(s => s.Namespace == ns && s.Name == name) : null;

    public static Workload? FindWorkload(Cluster cluster, string id) =>
        SplitId(id) is var (ns, name)
            ? cluster.Workloads.FirstOrDefault(w => w.Namespace == ns && (w.Name == name || w.PodNames.Contains(name, StringComparer.Ordinal)))
            : null;
}
