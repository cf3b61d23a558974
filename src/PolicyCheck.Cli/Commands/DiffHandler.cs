using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Diff;
using PolicyCheck.Core.Engine;
using PolicyCheck.Lint;
using PolicyCheck.Manifests.Git;
using PolicyCheck.Reporting.Diff;

namespace PolicyCheck.Cli.Commands;

/// <summary>
/// Request → the two sides (paths, or git refs copied to temporary folders) → load, evaluate and lint each →
/// <see cref="ConnectionDiff"/> and <see cref="FindingDiff"/> → writer → exit code.
/// </summary>
internal static class DiffHandler
{
    public static async Task<int> RunAsync(DiffRequest request, Terminal terminal, CancellationToken cancellationToken)
    {
        if (Usage(request) is { } usage)
        {
            terminal.Error.WriteLine($"policycheck: {usage}");
            terminal.Error.WriteLine("Run 'policycheck diff --help' for usage.");
            return (int)ExitCode.UsageError;
        }

        using var baseGit = request.GitRef is { } baseRef ? await ReadGitAsync(baseRef, request, terminal, cancellationToken) : null;
        using var headGit = request.HeadGitRef is { } headRef ? await ReadGitAsync(headRef, request, terminal, cancellationToken) : null;
        if ((request.GitRef is not null && baseGit is null) || (request.HeadGitRef is not null && headGit is null))
            return (int)ExitCode.UsageError;

        var before = Side(request, baseGit, request.GitRef is null ? [request.Paths[0]] : [], terminal, cancellationToken);
        var after = Side(request, headGit, request.GitRef is null ? [request.Paths[1]] : request.Paths, terminal, cancellationToken);

        var connections = ConnectionDiff.Compare(before.Matrix, after.Matrix);
        if (request.Namespace is { } ns)
            connections = connections.Where(id => id.StartsWith("ext:", StringComparison.Ordinal) || id.StartsWith(ns + "/", StringComparison.Ordinal));
        var findings = FindingDiff.Compare(before.Findings, before.Cluster, after.Findings, after.Cluster);
        findings = new FindingDelta([.. findings.Introduced.Select(after.Display)], [.. findings.Fixed.Select(before.Display)]);

        var baseLabel = request.GitRef ?? request.Paths[0];
        var headLabel = request.HeadGitRef ?? (request.GitRef is null ? request.Paths[1] : request.Paths.IsEmpty ? "work tree" : string.Join(' ', request.Paths));
        var report = new DiffReport(
            baseLabel, headLabel, connections, findings, request.OutputPath is null && terminal.OutputColor,
            "Run `policycheck diff -o json` for the complete list.")
        {
            Plugin = request.Plugin,
        };
        Action<TextWriter> write = request.Format switch
        {
            DiffFormat.Json => output => DiffJsonWriter.Write(report, output),
            DiffFormat.Markdown => output => DiffMarkdownWriter.Write(report, output),
            _ => output => DiffTextWriter.Write(report, output),
        };
        if (!await OutputFile.WriteAsync(request.OutputPath, terminal, write, cancellationToken))
            return (int)ExitCode.UsageError;

        if (before.HasErrors || after.HasErrors)
        {
            if (!request.Quiet)
                terminal.Error.WriteLine($"policycheck: input errors in {(before.HasErrors ? after.HasErrors ? "both sides" : "the base" : "the head")}: the diff leaves out what was rejected.");
            return (int)ExitCode.IncompleteInput;
        }

        // Policy kinds PolicyCheck does not evaluate, not acknowledged with --ignore-kind: the loader has said which.
        if (before.Unevaluated || after.Unevaluated)
            return (int)ExitCode.IncompleteInput;

        var gained = connections.Added.Length > 0 || connections.Changed.Any(c => !c.Gained.IsEmpty);
        var failed = (request.FailOnNewConnections && gained) || (request.FailOnNewFindings && !findings.Introduced.IsEmpty);
        return (int)(failed ? ExitCode.Findings : ExitCode.Ok);
    }

    private static string? Usage(DiffRequest request)
    {
        if (request.HeadGitRef is not null && request.GitRef is null)
            return "--head-git needs --git: it names the head ref, --git the base ref.";
        if (request.GitRef is null && request.Paths.Length != 2)
            return $"diff needs two paths, BASE and HEAD, or --git REF [PATH...]; got {request.Paths.Length}.";
        if (request.Paths.Contains("-") && (request.GitRef is not null || request.Paths.Count(p => p == "-") > 1))
            return "standard input ('-') can be only one side of a diff, and not with --git.";
        return null;
    }

    private static async Task<GitTree?> ReadGitAsync(string reference, DiffRequest request, Terminal terminal, CancellationToken cancellationToken)
    {
        var read = await GitTreeReader.TryReadAsync(new GitTreeRequest(reference, request.Paths, request.WorkingDirectory, request.Git), cancellationToken);
        if (!read.Succeeded)
        {
            terminal.Error.WriteLine($"policycheck: {read.Error}");
            return null;
        }

        if (!request.Quiet)
        {
            foreach (var missing in read.Tree.Missing)
                terminal.Error.WriteLine($"policycheck: note: '{missing}' does not exist at '{reference}'; that side has nothing there.");
        }

        return read.Tree;
    }

    /// <summary>Loads, evaluates and lints one side; its diagnostics go to stderr with git paths shown as <c>REF:path</c>.</summary>
    private static LoadedSide Side(DiffRequest request, GitTree? git, ImmutableArray<string> paths, Terminal terminal, CancellationToken cancellationToken)
    {
        // No path with --git means the folder git was asked about: '.' in a real run.
        var loaderPaths = git?.Paths ?? (paths.IsEmpty ? [Path.GetRelativePath(Environment.CurrentDirectory, request.WorkingDirectory)] : paths);
        var (loaded, matrix) = Analysis.LoadAndEvaluate(
            request.AnalysisOptions() with { Paths = loaderPaths, PrintDiagnostics = false, WorkTreePath = git is null ? null : git.WorkTreePath },
            terminal,
            cancellationToken);
        // Links the git copy refused (they leave the repository) are input errors of that side, as in the work tree.
        var copyErrors = git?.Diagnostics ?? [];
        var side = new LoadedSide(loaded.Cluster, matrix, Linter.Run(loaded.Cluster, matrix, request.Plugin), loaded.HasErrors || !copyErrors.IsEmpty, git)
        {
            Unevaluated = loaded.IsIncomplete && !loaded.HasErrors,
        };
        DiagnosticPrinter.Print(copyErrors.Concat(loaded.Diagnostics.Select(side.Display)), terminal, request.Quiet);
        return side;
    }

    private sealed record LoadedSide(Core.Model.Cluster Cluster, ReachabilityMatrix Matrix, ImmutableArray<Diagnostic> Findings, bool HasErrors, GitTree? Git)
    {
        /// <summary>Whether the side holds policies of kinds PolicyCheck does not evaluate that no --ignore-kind acknowledged.</summary>
        public bool Unevaluated { get; init; }

        /// <summary>The diagnostic with its paths as the user knows them (<c>REF:path</c> for a git side).</summary>
        public Diagnostic Display(Diagnostic diagnostic) => Git is null
            ? diagnostic
            : diagnostic with
            {
                Span = diagnostic.Span with { Path = Git.DisplayPath(diagnostic.Span.Path) },
                Related = [.. diagnostic.Related.Select(r => r with { Path = Git.DisplayPath(r.Path) })],
                // Arguments name paths too (the input folder a link leaves, a file in a system error message).
                Arguments = [.. diagnostic.Arguments.Select(a => a is string text ? Git.DisplayText(text) : a)],
            };
    }
}
