using System.CommandLine;

namespace PolicyCheck.Cli.Commands;

/// <summary><c>policycheck lint PATH...</c>: misconfigurations of policies and services, each at its file:line:col.</summary>
internal static class LintCommand
{
    public static Command Create(Func<Terminal> terminal, AuditSource? audit = null)
    {
        var paths = CommonOptions.Paths();
        var format = LintFormatOption.Create(sarif: true);
        var failOn = new Option<LintFailOn>("--fail-on")
        {
            Description = "Exit with 1 when a finding is at or above this severity: error, warning (default), note, or none.",
            HelpName = "error|warning|note|none",
            DefaultValueFactory = _ => LintFailOn.Warning,
            CustomParser = CommonOptions.Choice("warning", "a --fail-on value; use error, warning, note or none", ("error", LintFailOn.Error), ("warning", LintFailOn.Warning), ("note", LintFailOn.Note), ("none", LintFailOn.None)),
        };
        var ns = CommonOptions.Namespace();
        ns.Description = "Namespace for objects that name none (default 'default').";
        var output = CommonOptions.Output();
        var ipBlockPods = CommonOptions.IpBlockPods();
        var quiet = CommonOptions.Quiet();
        var verbose = CommonOptions.Verbose();

        var command = new Command(
            "lint",
            "Find NetworkPolicy and Service misconfigurations, reasoning on the evaluated result: policies that " +
            "select nothing, selectors split into OR'ed peers, rules ignored by policyTypes, unstable selector " +
            "labels, workloads not isolated, egress isolation that blocks DNS, services without backends. Each " +
            "finding has a rule ID, a severity and its file:line:col; input errors (PC0xxx) are reported too. " +
            "'policycheck rules' lists the rules.")
        {
            format, failOn, ns, output, ipBlockPods, quiet, verbose,
        };
        AuditSource.AddPaths(command, paths, audit);
        command.SetAction((parse, ct) => AuditSource.RunAsync(audit, parse, terminal(), (loaded, token) => LintHandler.RunAsync(
            new LintRequest(
                [.. parse.GetValue(paths) ?? []],
                parse.GetValue(format),
                parse.GetValue(failOn),
                parse.GetValue(ns),
                parse.GetValue(output),
                parse.GetValue(ipBlockPods),
                parse.GetValue(quiet),
                parse.GetValue(verbose)),
            loaded,
            terminal(),
            token), ct));
        return command;
    }

    public static string[] Examples { get; } =
    [
        "policycheck lint examples/webshop",
        "policycheck lint ./k8s --fail-on error",
        "policycheck lint ./k8s --format md --output lint.md",
        "policycheck rules",
    ];
}
