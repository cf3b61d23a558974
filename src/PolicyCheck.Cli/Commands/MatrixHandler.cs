using System.Collections.Immutable;
using System.Globalization;
using PolicyCheck.Core.Engine;
using PolicyCheck.Manifests;
using PolicyCheck.Reporting.Matrix;

namespace PolicyCheck.Cli.Commands;

/// <summary>Request → load → evaluate → write → exit code.</summary>
internal static class MatrixHandler
{
    public static Task<int> RunAsync(MatrixRequest request, Terminal terminal, CancellationToken cancellationToken) =>
        RunAsync(request, null, terminal, cancellationToken);

    /// <param name="loaded">Objects already loaded (from a cluster); null to load <c>request.Paths</c>.</param>
    public static async Task<int> RunAsync(MatrixRequest request, LoadResult? loaded, Terminal terminal, CancellationToken cancellationToken)
    {
        if (request.Services)
            return await ServicesMatrixCommandPart.RunAsync(request, loaded, terminal, cancellationToken);
        (loaded, var matrix) = Analysis.LoadAndEvaluate(request.AnalysisOptions(loaded) with { AssumeClusterDns = true }, terminal, cancellationToken);
        if (Analysis.NothingToShow(loaded, terminal) is { } nothing)
            return nothing;
        var shown = Analysis.Shown(matrix, request.Namespace, request.Selector);
        var (form, groups, automatic) = ChooseForm(matrix, shown, request, terminal);
        var report = new MatrixReport(matrix, shown, request.Port, new RenderOptions(request.OutputPath is null && terminal.OutputColor, terminal.Width),
            form == MatrixForm.Full ? null : groups);
        var format = form == MatrixForm.Overview ? MatrixFormat.Overview : request.Format;
        var written = await OutputFile.WriteAsync(request.OutputPath, terminal, writer => MatrixWriters.Create(format).Write(report, writer), cancellationToken);
        if (written && automatic && !request.Quiet)
            PrintFormHint(terminal, form, shown.Length, groups?.Count ?? shown.Length);
        return Analysis.Finish(written, loaded, request.Quiet, terminal);
    }

    /// <summary>
    /// Groups when --group-equivalent asks for them. Otherwise the form changes on its own only for a table bound for a
    /// terminal (not a pipe, not --output-file) without --no-group: <see cref="AutoGrouping.Choose"/> then decides by the
    /// number of subjects and groups and the terminal's width (<c>Automatic</c>: the user is told on stderr).
    /// </summary>
    private static (MatrixForm Form, SubjectGroups? Groups, bool Automatic) ChooseForm(
        ReachabilityMatrix matrix, ImmutableArray<int> shown, MatrixRequest request, Terminal terminal)
    {
        if (request.GroupEquivalent)
            return (MatrixForm.Grouped, SubjectGroups.Of(matrix, shown, request.Port), false);
        if (request.NoGroup || request.Format != MatrixFormat.Table || request.OutputPath is not null || !terminal.OutputIsTerminal)
            return (MatrixForm.Full, null, false);
        var groups = SubjectGroups.Of(matrix, shown, request.Port);
        return (AutoGrouping.Choose(shown.Length, groups.Count, terminal.Width), groups, true);
    }

    /// <summary>Says on stderr why the terminal got groups or a summary, and how to get every pair.</summary>
    private static void PrintFormHint(Terminal terminal, MatrixForm form, int subjects, int groups)
    {
        if (form == MatrixForm.Grouped)
        {
            terminal.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"policycheck: {subjects:N0} subjects grouped into {groups:N0} equivalence groups to fit the terminal; " +
                $"use -o json for every pair, or --no-group to see them all."));
        }
        else if (form == MatrixForm.Overview)
        {
            terminal.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"policycheck: {subjects:N0} subjects fall into {groups:N0} equivalence groups, too many for a table, so this " +
                $"is a summary; narrow it with --namespace, --selector or --port, or use -o json for every pair " +
                $"(--no-group prints the whole table)."));
        }
    }
}
