using System.Collections.Immutable;
using PolicyCheck.Core.Exposure;
using PolicyCheck.Manifests;
using PolicyCheck.Reporting.List;

namespace PolicyCheck.Cli.Commands;

/// <summary>Request → load → evaluate → (exposure) → stream the list → exit code.</summary>
internal static class ListHandler
{
    public static Task<int> RunAsync(ListRequest request, Terminal terminal, CancellationToken cancellationToken) =>
        RunAsync(request, null, terminal, cancellationToken);

    /// <param name="loaded">Objects already loaded (from a cluster); null to load <c>request.Paths</c>.</param>
    public static async Task<int> RunAsync(ListRequest request, LoadResult? loaded, Terminal terminal, CancellationToken cancellationToken)
    {
        (loaded, var matrix) = Analysis.LoadAndEvaluate(request.AnalysisOptions(loaded) with { AssumeClusterDns = true }, terminal, cancellationToken);
        if (Analysis.NothingToShow(loaded, terminal) is { } nothing)
            return nothing;
        // A name without namespace looks in -n, else 'default', as kubectl does; svc/NAME takes the service's backends.
        var focus = request.Focus?.Bind(request.Namespace, loaded.Cluster);
        var focused = focus?.Resolve(matrix);
        if (focused is { IsEmpty: true })
        {
            terminal.Error.WriteLine($"policycheck: --focus '{request.Focus}' matches no subject; use NAME (in -n, else 'default'), NS/NAME (e.g. shop/frontend), " +
                                     "KIND/NAME (deploy/web, sts/db, pod/db-0, svc/web), 'ns=shop,app=web' or an IP address or CIDR of a known pod or of an outside address.");
            return (int)ExitCode.UsageError;
        }

        var shown = Analysis.Shown(matrix, request.Namespace, request.Selector);
        var exposure = request.Summary || request.SummaryOnly
            ? ExposureAnalysis.Analyze(matrix, focused is { } f ? shown.Where(f.Contains) : shown, cancellationToken)
            : null;
        // A progress line would tear the list apart when both go to the same terminal.
        var progressTerminal = terminal with { ErrorIsTerminal = terminal.ErrorIsTerminal && (request.OutputPath is not null || !terminal.OutputIsTerminal) };
        bool written;
        using (var progress = new ProgressPrinter(progressTerminal))
        {
            var report = new ListReport(
                matrix, shown, focus, request.Direction, request.Port, request.IncludeSelf, !request.SummaryOnly, exposure, progress);
            written = await OutputFile.WriteAsync(request.OutputPath, terminal, writer => ListWriters.Create(request.Format).Write(report, writer), cancellationToken);
        }

        return Analysis.Finish(written, loaded, request.Quiet, terminal);
    }
}
