using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Engine;
using PolicyCheck.Lint;
using PolicyCheck.Manifests;
using PolicyCheck.Reporting.Lint;
using PolicyCheck.Reporting.Sarif;

namespace PolicyCheck.Cli.Commands;

/// <summary>
/// Request → load → evaluate → rules → writer → exit code. Loader diagnostics go into the report with the findings
/// (not to stderr as other commands print them), so every output format carries them.
/// </summary>
internal static class LintHandler
{
    public static Task<int> RunAsync(LintRequest request, Terminal terminal, CancellationToken cancellationToken) =>
        RunAsync(request, null, terminal, cancellationToken);

    /// <param name="loaded">Objects already loaded (from a cluster); null to load <c>request.Paths</c>.</param>
    public static async Task<int> RunAsync(LintRequest request, LoadResult? loaded, Terminal terminal, CancellationToken cancellationToken)
    {
        var options = new EvaluationOptions(request.IpBlockPods);
        // Loader diagnostics go into the report with the findings, not to stderr.
        (loaded, var matrix) = Analysis.LoadAndEvaluate(
            request.Paths, loaded, request.Namespace, request.IpBlockPods, request.Quiet, request.Verbose, terminal, cancellationToken, printDiagnostics: false);

        var findings = Linter.Run(loaded.Cluster, matrix, options);
        var report = new LintReport(Linter.Sort(loaded.Diagnostics.Concat(findings)), loaded.Statistics.Files, loaded.Statistics.Objects);
        Action<TextWriter> write = request.Format switch
        {
            LintFormat.Json => output => LintJsonWriter.Write(report, output),
            LintFormat.Markdown => output => LintMarkdownWriter.Write(report, output),
            LintFormat.Sarif => output => SarifWriter.Write(LintSarif.Input(report, request.Paths), output),
            _ => output => LintTextWriter.Write(report, output),
        };
        if (!await OutputFile.WriteAsync(request.OutputPath, terminal, write, cancellationToken))
            return (int)ExitCode.UsageError;

        if (!request.Quiet && loaded.HasErrors)
            terminal.Error.WriteLine($"policycheck: {report.Count(Severity.Error)} error(s) in the input: what was rejected was not linted.");
        var exit = FailsOn(report, request.FailOn) ? ExitCode.Findings : ExitCode.Ok;
        return (int)(loaded.HasErrors ? ExitCode.IncompleteInput : exit); // the most severe wins, and 2 > 1
    }

    /// <summary>Whether some diagnostic is at or above the threshold; never with <see cref="LintFailOn.None"/>.</summary>
    public static bool FailsOn(LintReport report, LintFailOn failOn) => failOn switch
    {
        LintFailOn.None => false,
        LintFailOn.Error => report.Diagnostics.Any(d => d.Severity >= Severity.Error),
        LintFailOn.Warning => report.Diagnostics.Any(d => d.Severity >= Severity.Warning),
        _ => !report.Diagnostics.IsEmpty,
    };
}
