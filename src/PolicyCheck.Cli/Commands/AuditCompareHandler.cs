using System.CommandLine;
using PolicyCheck.Core.Audit;
using PolicyCheck.Core.Engine;
using PolicyCheck.Manifests;
using PolicyCheck.Reporting.Audit;

namespace PolicyCheck.Cli.Commands;

/// <summary>Read the cluster → load the manifests → evaluate both → compare → write → exit code.</summary>
internal static class AuditCompareHandler
{
    public static async Task<int> RunAsync(AuditSource source, ParseResult parse, AuditCompareRequest request, Terminal terminal, CancellationToken cancellationToken)
    {
        var (read, exit) = await source.ReadAsync(parse, terminal, cancellationToken);
        if (read is null)
            return exit;
        var ns = parse.GetValue(source.Namespace);
        var live = ManifestLoader.LoadLive(read.Context, read.Objects, cancellationToken: cancellationToken);
        DiagnosticPrinter.Print(live.Diagnostics, terminal, request.Quiet);
        var liveMatrix = Evaluator.Evaluate(live.Cluster, request.Plugin, cancellationToken: cancellationToken);
        var (declared, declaredMatrix) = Analysis.LoadAndEvaluate(
            request.AnalysisOptions() with { Namespace = ns }, terminal, cancellationToken);
        // Both sides name a Deployment's pods after the Deployment (the loader's grouping), so they compare by name.
        var drift = DriftAnalysis.Compare(read.Context, live.Cluster, liveMatrix, declared.Cluster, declaredMatrix, ns);
        if (!await OutputFile.WriteAsync(request.OutputPath, terminal, writer => DriftWriter.Write(drift, request.Format, writer, request.Plugin), cancellationToken))
            return (int)ExitCode.UsageError;
        var hasErrors = live.HasErrors || declared.IsIncomplete;
        if (!request.Quiet && hasErrors)
            terminal.Error.WriteLine("policycheck: input errors: the comparison leaves out what was rejected.");
        if (hasErrors)
            return (int)ExitCode.IncompleteInput;
        return (int)(request.FailOnDrift && !drift.IsEmpty ? ExitCode.Findings : ExitCode.Ok);
    }
}
