using System.Collections.Immutable;
using System.Diagnostics;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Exposure;
using PolicyCheck.Manifests;
using PolicyCheck.Reporting.List;

namespace PolicyCheck.Cli.Commands;

/// <summary>Request → load → evaluate → (exposure) → stream the list → exit code.</summary>
internal static class ListHandler
{
    public static async Task<int> RunAsync(ListRequest request, Terminal terminal, CancellationToken cancellationToken)
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
        var focused = request.Focus?.Resolve(matrix);
        if (focused is { IsEmpty: true })
        {
            terminal.Error.WriteLine($"policycheck: --focus '{request.Focus}' matches no subject; use NS/NAME (e.g. shop/frontend), " +
                                     "'ns=shop,app=web' or an IP address or CIDR of a known pod or of an outside address.");
            return (int)ExitCode.UsageError;
        }

        var shown = Shown(matrix, request);
        var exposure = request.Summary || request.SummaryOnly
            ? ExposureAnalysis.Analyze(matrix, focused is { } f ? shown.Where(f.Contains) : shown, cancellationToken)
            : null;
        // A progress line would tear the list apart when both go to the same terminal.
        var progressTerminal = terminal with { ErrorIsTerminal = terminal.ErrorIsTerminal && (request.OutputPath is not null || !terminal.OutputIsTerminal) };
        bool written;
        using (var progress = new ProgressPrinter(progressTerminal))
        {
            var report = new ListReport(
                matrix, shown, request.Focus, request.Direction, request.Port, request.IncludeSelf, !request.SummaryOnly, exposure, progress);
            written = await OutputFile.WriteAsync(request.OutputPath, terminal, writer => ListWriters.Create(request.Format).Write(report, writer), cancellationToken);
        }

        if (!written)
            return (int)ExitCode.UsageError;
        if (!request.Quiet && loaded.HasErrors)
            terminal.Error.WriteLine($"policycheck: {loaded.Diagnostics.Count(d => d.Severity == Severity.Error)} input error(s): the result leaves out what was rejected.");
        return (int)(loaded.HasErrors ? ExitCode.IncompleteInput : ExitCode.Ok);
    }

    /// <summary>Subjects to list: workloads in --namespace and matching --selector, and every external range (as matrix shows them).</summary>
    private static ImmutableArray<int> Shown(ReachabilityMatrix matrix, ListRequest request)
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
