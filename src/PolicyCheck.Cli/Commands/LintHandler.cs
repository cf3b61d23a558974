using PolicyCheck.Cli.Configuration;
using PolicyCheck.Config;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Lint;
using PolicyCheck.Lint.Suppression;
using PolicyCheck.Manifests;
using PolicyCheck.Reporting.Lint;
using PolicyCheck.Reporting.Sarif;

namespace PolicyCheck.Cli.Commands;

/// <summary>
/// Request → settings → load → evaluate → rules → suppressions → writer → exit code. Loader diagnostics go into the
/// report with the findings (not to stderr as other commands print them), so every output format carries them.
/// </summary>
internal static class LintHandler
{
    private static readonly IReadOnlySet<string> KnownIds = RuleCatalog.All.Select(r => r.Descriptor.Id).ToHashSet(StringComparer.Ordinal);

    public static Task<int> RunAsync(LintRequest request, Terminal terminal, CancellationToken cancellationToken) =>
        RunAsync(request, null, terminal, cancellationToken);

    /// <param name="preloaded">Objects already loaded (from a cluster); null to load <c>request.Paths</c>.</param>
    public static async Task<int> RunAsync(LintRequest request, LoadResult? preloaded, Terminal terminal, CancellationToken cancellationToken)
    {
        var errors = new List<SettingsError>();
        var settings = ProjectConfig.ResolveLintSettings(request.Config, request.Profile, errors);
        var baseline = request.BaselinePath is { } baselinePath ? ReadBaseline(baselinePath, LintSarif.RepositoryRoot(request.Paths), terminal) : null;
        if (settings is null)
        {
            ConfigStep.Print(errors, terminal);
            return (int)ExitCode.UsageError;
        }

        if (request.BaselinePath is not null && baseline is null)
            return (int)ExitCode.UsageError;

        var options = request.Plugin;
        // Loader diagnostics go into the report with the findings, not to stderr.
        var (loaded, matrix) = Analysis.LoadAndEvaluate(
            request.AnalysisOptions(preloaded) with { PrintDiagnostics = false }, terminal, cancellationToken);

        var findings = Suppressions.ApplyAnnotations(Linter.Run(loaded.Cluster, matrix, options, settings: settings), loaded.Suppressions, KnownIds);
        var root = LintSarif.RepositoryRoot(request.Paths);
        var objects = new ObjectIndex(loaded.Objects);
        var keyed = findings.Select(d => (d, LintBaseline.Entry(d, RelativePath(d.Span.Path, root), objects.At(d.Span)?.Ref))).ToList();
        if (request.WriteBaselinePath is { } writePath)
        {
            var accepted = keyed.Where(k => !k.d.IsSuppressed).Select(k => k.Item2).ToList();
            if (!await OutputFile.WriteAsync(writePath, terminal, writer => LintBaseline.Write(accepted, writer), cancellationToken))
                return (int)ExitCode.UsageError;
            if (!request.Quiet)
                terminal.Error.WriteLine($"policycheck: wrote {accepted.Count} finding(s) to the baseline '{writePath}'.");
            baseline = LintBaseline.Read(File.ReadAllText(writePath), writePath, out _);
        }

        if (baseline is not null)
            findings = baseline.Apply(keyed, request.WriteBaselinePath ?? request.BaselinePath!); // one of them is set when there is a baseline

        var report = new LintReport(Linter.Sort(loaded.Diagnostics.Concat(findings)), loaded.Statistics.Files, loaded.Statistics.Objects)
        {
            ShowSuppressed = request.ShowSuppressed,
            Plugin = request.Plugin,
        };
        Action<TextWriter> write = request.Format switch
        {
            LintFormat.Json => output => LintJsonWriter.Write(report, output),
            LintFormat.Markdown => output => LintMarkdownWriter.Write(report, output),
            LintFormat.Sarif => output => SarifWriter.Write(LintSarif.Input(report, request.Paths), output),
            _ => output => LintTextWriter.Write(report, output),
        };
        if (!await OutputFile.WriteAsync(request.OutputPath, terminal, write, cancellationToken))
            return (int)ExitCode.UsageError;

        if (!request.Quiet)
            Analysis.PrintInputSummary(loaded, terminal, "what was rejected was not linted");
        var exit = FailsOn(report, request.FailOn) ? ExitCode.Findings : ExitCode.Ok;
        return (int)(loaded.IsIncomplete ? ExitCode.IncompleteInput : exit); // the most severe wins, and 2 > 1
    }

    /// <summary>Whether some finding that is not suppressed is at or above the threshold; never with <see cref="LintFailOn.None"/>.</summary>
    public static bool FailsOn(LintReport report, LintFailOn failOn) => failOn switch
    {
        LintFailOn.None => false,
        LintFailOn.Error => report.Active.Any(d => d.Severity >= Severity.Error),
        LintFailOn.Warning => report.Active.Any(d => d.Severity >= Severity.Warning),
        _ => report.Active.Any(),
    };

    /// <summary>
    /// The baseline at <paramref name="path"/>, which must lie inside <paramref name="repository"/> (the inputs'
    /// repository, symlinks resolved): a default in a pull request's configuration must not make CI read any file.
    /// </summary>
    private static LintBaseline? ReadBaseline(string path, string repository, Terminal terminal)
    {
        if (!SettingsFile.IsInside(path, repository))
        {
            terminal.Error.WriteLine($"policycheck: {path}: error: the baseline is outside the repository '{repository}' (symlinks resolved); keep it inside.");
            return null;
        }

        if (SettingsFile.Read(path, SettingsFile.BaselineLimit, out var readError) is not { } text)
        {
            terminal.Error.WriteLine($"policycheck: {path}: error: the baseline cannot be read: {readError}.");
            return null;
        }

        var baseline = LintBaseline.Read(text, path, out var error);
        if (baseline is null)
            terminal.Error.WriteLine($"policycheck: {error}");
        return baseline;
    }

    /// <summary>A display path made relative to the repository root with '/', so a baseline works from any folder; <c>&lt;stdin&gt;</c> stays.</summary>
    private static string RelativePath(string path, string root)
    {
        if (path.Length == 0 || path.StartsWith('<'))
            return path;
        var relative = Path.GetRelativePath(root, Path.GetFullPath(path));
        return (relative.StartsWith("..", StringComparison.Ordinal) ? path : relative).Replace('\\', '/');
    }
}
