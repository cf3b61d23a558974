using System.Collections.Immutable;
using System.Diagnostics;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Selectors;
using PolicyCheck.Manifests;
using PolicyCheck.Config;
using PolicyCheck.Manifests.Input;

namespace PolicyCheck.Cli.Commands;

/// <summary>
/// What every analysis command does first and last: drop the inputs the configuration ignores, load and evaluate
/// with progress, --verbose timings and the diagnostics on stderr; and turn the outcome into the exit code.
/// </summary>
internal static class Analysis
{
    public static (LoadResult Loaded, ReachabilityMatrix Matrix) LoadAndEvaluate(
        IReadOnlyList<string> paths,
        string? ns,
        IpBlockPodMatching ipBlockPods,
        bool quiet,
        bool verbose,
        Terminal terminal,
        CancellationToken cancellationToken,
        bool printDiagnostics = true) =>
        LoadAndEvaluate(paths, null, ns, ipBlockPods, quiet, verbose, terminal, cancellationToken, printDiagnostics);

    /// <summary>
    /// Loads <paramref name="paths"/> less what the configuration's <c>ignore:</c> globs match
    /// (<see cref="Terminal.InputFilter"/>), or takes <paramref name="preloaded"/> when the objects were already loaded
    /// (<c>policycheck audit</c> reads them from a cluster, where no path applies), then evaluates. This is the one
    /// place ignores apply, so every command that loads manifests skips the same files.
    /// </summary>
    /// <param name="workTreePath">
    /// Where a file of <paramref name="paths"/> stands in the work tree when the paths are a copy (a git ref's files
    /// in a temporary folder), so the globs match it as they would the real file; null when the paths are the files.
    /// </param>
    public static (LoadResult Loaded, ReachabilityMatrix Matrix) LoadAndEvaluate(
        IReadOnlyList<string> paths,
        LoadResult? preloaded,
        string? ns,
        IpBlockPodMatching ipBlockPods,
        bool quiet,
        bool verbose,
        Terminal terminal,
        CancellationToken cancellationToken,
        bool printDiagnostics = true,
        Func<string, string>? workTreePath = null)
    {
        if (preloaded is null && terminal.InputFilter is { } filter)
            paths = Ignore(paths, filter, quiet, terminal, workTreePath);
        var clock = Stopwatch.StartNew();
        LoadResult loaded;
        ReachabilityMatrix matrix;
        using (var progress = new ProgressPrinter(terminal))
        {
            loaded = preloaded ?? ManifestLoader.Load(paths, new LoadOptions(ns ?? "default"), terminal.Input, progress, cancellationToken);
            var loadTime = clock.Elapsed;
            matrix = Evaluator.Evaluate(loaded.Cluster, new EvaluationOptions(ipBlockPods), progress, cancellationToken);
            if (verbose)
                Verbose.Timing(terminal, loaded, matrix, loadTime, clock.Elapsed - loadTime);
        }

        if (printDiagnostics)
            DiagnosticPrinter.Print(loaded.Diagnostics, terminal, quiet);
        return (loaded, matrix);
    }

    /// <summary>
    /// <paramref name="paths"/> without the ignored files. Like ESLint with a file it ignores, a file named on the
    /// command line is still ignored (a pre-commit hook passes every changed file, ignored ones too), with a note on
    /// stderr saying so and how to load it anyway; so is a folder of which nothing is left.
    /// </summary>
    private static ImmutableArray<string> Ignore(IReadOnlyList<string> paths, InputFilter filter, bool quiet, Terminal terminal, Func<string, string>? workTreePath)
    {
        var filtered = filter.Apply(paths, workTreePath);
        if (!quiet)
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
        if (!quiet && loaded.HasErrors)
            terminal.Error.WriteLine($"policycheck: {loaded.Diagnostics.Count(d => d.Severity == Core.Diagnostics.Severity.Error)} input error(s): the {what} leaves out what was rejected.");
        return (int)(loaded.HasErrors ? ExitCode.IncompleteInput : ExitCode.Ok);
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
