using System.Collections.Immutable;
using System.Diagnostics;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Selectors;
using PolicyCheck.Core.Services;
using PolicyCheck.Manifests;
using PolicyCheck.Manifests.Input;
using PolicyCheck.Manifests.Operators;

namespace PolicyCheck.Cli.Commands;

/// <summary>
/// What every analysis command does first and last: drop the inputs the configuration ignores, load and evaluate
/// with progress, --verbose timings and the diagnostics on stderr; and turn the outcome into the exit code.
/// </summary>
internal static class Analysis
{
    /// <summary>
    /// Loads the paths less what the configuration's <c>ignore:</c> globs match (<see cref="Terminal.InputFilter"/>),
    /// or takes <see cref="AnalysisOptions.Preloaded"/> objects, then evaluates. This is the one place ignores apply,
    /// so every command that loads manifests skips the same files.
    /// </summary>
    public static (LoadResult Loaded, ReachabilityMatrix Matrix) LoadAndEvaluate(AnalysisOptions options, Terminal terminal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (paths, preloaded) = (options.Paths, options.Preloaded);
        if (preloaded is null && terminal.InputFilter is { } filter)
            paths = Ignore(options, filter, terminal);
        var clock = Stopwatch.StartNew();
        LoadResult loaded;
        ReachabilityMatrix matrix;
        using (var progress = new ProgressPrinter(terminal))
        {
            var loadOptions = new LoadOptions(options.Namespace ?? "default", options.MaxInputBytes) { Operators = terminal.Operators ?? OperatorCatalog.Shipped };
            loaded = preloaded ?? ManifestLoader.Load(paths, loadOptions, terminal.Input, progress, cancellationToken);
            loaded = IgnoreKinds.Apply(loaded, options.IgnoreKinds.Concat(terminal.IgnoredKinds), terminal, options.Quiet);
            var loadTime = clock.Elapsed;
            var cluster = loaded.Cluster;
            // Objects read from a live cluster leave out only what was not asked for: its DNS is there, not assumed.
            if (options.AssumeClusterDns && preloaded is null && ClusterDns.MattersFor(cluster) && ClusterDns.WithDns(cluster) is (var withDns, _, { } assumed))
            {
                cluster = withDns;
                if (!options.Quiet)
                    terminal.Error.WriteLine($"policycheck: note: {assumed} They are marked as assumed; egress rules decide whether pods can resolve names.");
            }

            matrix = Evaluator.Evaluate(cluster, options.Plugin, progress, cancellationToken);
            if (options.Verbose)
                Verbose.Timing(terminal, loaded, matrix, loadTime, clock.Elapsed - loadTime);
        }

        if (options.PrintDiagnostics)
            DiagnosticPrinter.Print(loaded.Diagnostics, terminal, options.Quiet);
        return (loaded, matrix);
    }

    /// <summary>
    /// The options' paths without the ignored files. Like ESLint with a file it ignores, a file named on the
    /// command line is still ignored (a pre-commit hook passes every changed file, ignored ones too), with a note on
    /// stderr saying so and how to load it anyway; so is a folder of which nothing is left.
    /// </summary>
    private static ImmutableArray<string> Ignore(AnalysisOptions options, InputFilter filter, Terminal terminal)
    {
        var workTreePath = options.WorkTreePath;
        var filtered = filter.Apply(options.Paths, workTreePath);
        if (!options.Quiet)
        {
            foreach (var note in filtered.Notes)
            {
                var input = workTreePath is null ? note.Input : Path.GetRelativePath(Environment.CurrentDirectory, workTreePath(note.Input));
                var what = note.IsFolder ? $"every manifest in '{input}' is" : $"'{input}' is";
                terminal.Error.WriteLine($"policycheck: note: {what} ignored by '{note.Pattern}' in {filter.Source}; run with --no-config to load it.");
            }
        }

        return filtered.Paths;
    }

    /// <summary>The exit code after writing: usage error when the output failed, incomplete input when something was rejected.</summary>
    public static int Finish(bool written, LoadResult loaded, bool quiet, Terminal terminal, string what = "result")
    {
        if (!written)
            return (int)ExitCode.UsageError;
        if (!quiet)
            PrintInputSummary(loaded, terminal, $"the {what} leaves out what was rejected");
        return (int)(loaded.IsIncomplete ? ExitCode.IncompleteInput : ExitCode.Ok);
    }

    /// <summary>
    /// The summary of the input errors on stderr, if any: how many objects were rejected (<paramref name="consequence"/>
    /// says what that means for the result) and, apart, how many were replaced. A duplicate (PC0042) stays an error,
    /// since which definition was meant is ambiguous, but the later one is loaded as kubectl apply would, so nothing of
    /// it is left out and it must not be counted as rejected.
    /// </summary>
    public static void PrintInputSummary(LoadResult loaded, Terminal terminal, string consequence)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(terminal);
        var errors = loaded.Diagnostics.Where(d => d.Severity == Core.Diagnostics.Severity.Error).ToList();
        var replaced = errors.Count(d => d.Descriptor.Id == LoadDiagnostics.DuplicateObject.Id);
        var rejected = errors.Count - replaced;
        if (rejected > 0)
            terminal.Error.WriteLine($"policycheck: {rejected} input error(s): {consequence}.");
        if (replaced > 0)
            terminal.Error.WriteLine($"policycheck: {replaced} object(s) defined twice: each later definition replaced the earlier one, as kubectl apply would.");
        IgnoreKinds.PrintSummary(loaded, terminal);
        if (!loaded.Cluster.Policies.IsEmpty && loaded.Cluster.Workloads.IsEmpty)
            terminal.Error.WriteLine("policycheck: warning: these policies select nothing because the inputs hold no pods or workloads; add them, or use 'policycheck audit' to read a cluster.");
    }

    /// <summary>
    /// When no input exists at all (every path is missing), says so on stderr and gives exit code 2: a matrix or list
    /// of nothing would look like a result. Null when something was read.
    /// </summary>
    public static int? NothingToShow(LoadResult loaded, Terminal terminal)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(terminal);
        if (loaded.Statistics.Files > 0 || !loaded.Diagnostics.Any(d => d.Descriptor.Id == LoadDiagnostics.InputNotFound.Id))
            return null;
        terminal.Error.WriteLine("policycheck: no input exists, so there is no result to show.");
        return (int)ExitCode.IncompleteInput;
    }

    /// <summary>Whether an input error other than a replaced duplicate left something out.</summary>
    public static bool HasRejected(LoadResult loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        return loaded.Diagnostics.Any(d => d.Severity == Core.Diagnostics.Severity.Error && d.Descriptor.Id != LoadDiagnostics.DuplicateObject.Id);
    }

    /// <summary>Subjects to show: workloads in <paramref name="ns"/> and matching <paramref name="selector"/>, and every external range.</summary>
    public static ImmutableArray<int> Shown(ReachabilityMatrix matrix, string? ns, LabelSelector? selector)
    {
        var shown = ImmutableArray.CreateBuilder<int>();
        for (var i = 0; i < matrix.Subjects.Length; i++)
        {
            var subject = matrix.Subjects[i];
            if (!subject.IsExternal)
            {
                if (ns is not null && subject.Namespace != ns)
                    continue;
                if (selector is not null && !selector.Matches(subject.Labels))
                    continue;
            }

            shown.Add(i);
        }

        return shown.ToImmutable();
    }
}
