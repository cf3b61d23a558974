using System.Collections.Immutable;
using System.Diagnostics;
using PolicyCheck.Core.Engine;
using PolicyCheck.Manifests;
using PolicyCheck.Reporting.Matrix;

namespace PolicyCheck.Cli.Commands;

/// <summary>Request → load → evaluate → write → exit code.</summary>
internal static class MatrixHandler
{
    public static async Task<int> RunAsync(MatrixRequest request, Terminal terminal, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        LoadResult loaded;
        ReachabilityMatrix matrix;
        using (var progress = new ProgressPrinter(terminal))
        {
            loaded = ManifestLoader.Load(request.Paths, new LoadOptions(request.Namespace ?? "default"), terminal.Input, progress, cancellationToken);
            var loadTime = clock.Elapsed;
            matrix = Evaluator.Evaluate(loaded.Cluster, new EvaluationOptions(request.IpBlockPods), progress, cancellationToken);
            if (request.Verbose)
                Verbose.Timing(terminal, loaded, matrix, loadTime, clock.Elapsed - loadTime);
        }

        DiagnosticPrinter.Print(loaded.Diagnostics, terminal, request.Quiet);
        var shown = Shown(matrix, request);
        var report = new MatrixReport(matrix, shown, request.Port, new RenderOptions(request.OutputPath is null && terminal.OutputColor, terminal.Width));
        var written = await OutputFile.WriteAsync(request.OutputPath, terminal, writer => MatrixWriters.Create(request.Format).Write(report, writer), cancellationToken);
        if (!written)
            return (int)ExitCode.UsageError;

        if (!request.Quiet && loaded.HasErrors)
            terminal.Error.WriteLine($"policycheck: {loaded.Diagnostics.Count(d => d.Severity == Core.Diagnostics.Severity.Error)} input error(s): the result leaves out what was rejected.");
        return (int)(loaded.HasErrors ? ExitCode.IncompleteInput : ExitCode.Ok);
    }

    /// <summary>Subjects to show: workloads in --namespace and matching --selector, and every external range.</summary>
    private static ImmutableArray<int> Shown(ReachabilityMatrix matrix, MatrixRequest request)
    {
        var shown = ImmutableArray.CreateBuilder<int>();
        for (var i = 0; i < matrix.Subjects.Length; i++)
        {
            var subject = matrix.Subjects[i];
            if (!subject.IsExternal)
            {
                if (request.Namespace is { } ns && subject.Namespace != ns)
                    continue;
                if (request.Selector is { } selector && !selector.Matches(subject.Labels))
                    continue;
            }

            shown.Add(i);
        }

        return shown.ToImmutable();
    }
}
