using System.Collections.Immutable;
using System.CommandLine;
using PolicyCheck.Core.Services;
using PolicyCheck.Manifests;
using PolicyCheck.Reporting.Matrix;
using PolicyCheck.Reporting.Services;

namespace PolicyCheck.Cli.Commands;

/// <summary>
/// <c>policycheck matrix --services</c>, ready to be wired into the matrix command: clients (the shown workloads and
/// every outside address range) × service ports, each cell all / k of n / none of the backends, reached on their
/// targetPorts. Table and JSON formats.
/// </summary>
internal static class ServicesMatrixCommandPart
{
    public static Option<bool> CreateOption() => new("--services")
    {
        Description = "Columns are service ports (ns/svc:port/proto) instead of workloads: whether each client reaches all, some (k/n) or none of the backends.",
    };

    public static Task<int> RunAsync(MatrixRequest request, Terminal terminal, CancellationToken cancellationToken) =>
        RunAsync(request, null, terminal, cancellationToken);

    /// <param name="loaded">Objects already loaded (from a cluster); null to load <c>request.Paths</c>.</param>
    public static async Task<int> RunAsync(MatrixRequest request, LoadResult? loaded, Terminal terminal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(terminal);
        if (request.Format is not (MatrixFormat.Table or MatrixFormat.Json))
        {
            terminal.Error.WriteLine("policycheck: --services supports -o table or json.");
            return (int)ExitCode.UsageError;
        }

        if (request.Port is not null)
        {
            terminal.Error.WriteLine("policycheck: --services shows every service port; leave out --port.");
            return (int)ExitCode.UsageError;
        }

        (loaded, var matrix) = Analysis.LoadAndEvaluate(request.AnalysisOptions(loaded), terminal, cancellationToken);
        if (Analysis.NothingToShow(loaded, terminal) is { } nothing)
            return nothing;
        var services = ServiceSummary.Build(loaded.Cluster, new ServiceReachability(loaded.Cluster, matrix));
        var clients = Enumerable.Range(0, matrix.Subjects.Length).Where(i =>
        {
            var subject = matrix.Subjects[i];
            return subject.IsExternal ||
                   ((request.Namespace is null || subject.Namespace == request.Namespace) &&
                    (request.Selector is null || request.Selector.Matches(subject.Labels)));
        }).ToImmutableArray();
        var written = await OutputFile.WriteAsync(request.OutputPath, terminal, output =>
        {
            if (request.Format == MatrixFormat.Json)
                ServiceMatrixWriter.WriteJson(services, clients, output);
            else
                ServiceMatrixWriter.WriteTable(services, clients, output, terminal.Width);
        }, cancellationToken);
        return Analysis.Finish(written, loaded, request.Quiet, terminal);
    }
}
