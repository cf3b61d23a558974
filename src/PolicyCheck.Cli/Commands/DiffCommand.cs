using System.CommandLine;
using PolicyCheck.Reporting.Diff;

namespace PolicyCheck.Cli.Commands;

/// <summary>
/// <c>policycheck diff BASE HEAD</c> or <c>policycheck diff --git REF [PATH...]</c>: what a change to the manifests
/// does to reachability and to lint findings.
/// </summary>
internal static class DiffCommand
{
    public static Command Create()
    {
        var paths = CommonOptions.Paths();
        paths.Arity = ArgumentArity.ZeroOrMore;
        paths.Description = "BASE and HEAD (each a manifest file or folder); with --git, the paths to compare (default: the current directory).";
        var git = new Option<string?>("--git")
        {
            Description = "Base = the paths as they are at this git ref (branch, tag or commit), read with git without a checkout; head = the work tree.",
            HelpName = "ref",
        };
        var headGit = new Option<string?>("--head-git")
        {
            Description = "With --git: head = the paths at this git ref instead of the work tree.",
            HelpName = "ref",
        };
        var format = CommonOptions.OutputFormat(
            "Output format: text (default), json (policycheck/diff/v1), md (compact, for a PR comment).",
            "text|json|md",
            "a format here; use text, json or md",
            ("text", DiffFormat.Text), ("json", DiffFormat.Json), ("md", DiffFormat.Markdown), ("markdown", DiffFormat.Markdown));
        var failOnConnections = CommonOptions.Flag(
            "--fail-on-new-connections",
            "Exit with 1 when head allows something base did not: an added connection, or ports gained on a changed one.");
        var failOnFindings = CommonOptions.Flag(
            "--fail-on-new-findings",
            "Exit with 1 when head has a lint finding that base did not have (matched by rule, object and message).");
        var ns = CommonOptions.Namespace();
        var allNamespaces = CommonOptions.AllNamespaces();
        var standard = CommonOptions.StandardOptions();
        var ignoreKind = IgnoreKinds.Option();

        var command = new Command(
            "diff",
            "Show what a change to the manifests does: connections added, removed and changed (with ports), " +
            "workloads added and removed, lint findings introduced and fixed. Compare BASE with HEAD, or with " +
            "--git the paths at a git ref with the work tree. A bad ref, a missing git or no repository is a " +
            "usage error (3); input errors on either side give 2; a triggered --fail-on gate gives 1.")
        {
            paths, git, headGit, format.Output, format.Legacy, failOnConnections, failOnFindings, ns, allNamespaces,
        };
        command.Options.Add(ignoreKind);
        standard.AddTo(command);
        command.SetAction((parse, ct) => DiffHandler.RunAsync(
            new DiffRequest
            {
                Paths = [.. parse.GetValue(paths) ?? []],
                GitRef = parse.GetValue(git),
                HeadGitRef = parse.GetValue(headGit),
                Format = format.Value(parse),
                FailOnNewConnections = parse.GetValue(failOnConnections),
                FailOnNewFindings = parse.GetValue(failOnFindings),
                Namespace = parse.GetValue(ns),
                OutputPath = parse.GetValue(standard.OutputFile),
                Plugin = standard.PluginModel(parse),
                MaxInputBytes = parse.GetValue(standard.MaxInputSize),
                IgnoreKinds = [.. parse.GetValue(ignoreKind) ?? []],
                Quiet = parse.GetValue(standard.Quiet),
                Verbose = parse.GetValue(standard.Verbose),
                WorkingDirectory = Environment.CurrentDirectory,
            },
            Terminal.From(parse),
            ct));
        return command;
    }

    public static string[] Examples { get; } =
    [
        "policycheck diff old/k8s new/k8s",
        "policycheck diff --git main k8s",
        "policycheck diff --git origin/main k8s -o md --fail-on-new-connections",
        "policycheck diff --git v1.2.0 --head-git v1.3.0 k8s -o json --output-file diff.json",
    ];
}
