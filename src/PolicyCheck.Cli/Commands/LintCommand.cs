using System.CommandLine;
using PolicyCheck.Cli.Configuration;
using PolicyCheck.Core.Diagnostics;

namespace PolicyCheck.Cli.Commands;

/// <summary><c>policycheck lint PATH...</c>: misconfigurations of policies and services, each at its file:line:col.</summary>
internal static class LintCommand
{
    public static Command Create(AuditSource? audit = null)
    {
        var paths = CommonOptions.Paths();
        var format = LintFormatOption.Create(sarif: true);
        var failOn = new Option<LintFailOn>("--fail-on")
        {
            Description = "Exit with 1 when a finding that is not suppressed is at or above this severity: error, warning (default), note, or none.",
            HelpName = "error|warning|note|none",
            DefaultValueFactory = _ => LintFailOn.Warning,
            CustomParser = CommonOptions.Choice("warning", "a --fail-on value; use error, warning, note or none", ("error", LintFailOn.Error), ("warning", LintFailOn.Warning), ("note", LintFailOn.Note), ("none", LintFailOn.None)),
        };
        var profile = new Option<string?>("--profile")
        {
            Description = "Lint profile: a shipped name (baseline (default), strict, audit) or a profile file. Overrides the configuration's 'profile'.",
            HelpName = "name|file",
        };
        var baseline = new Option<string?>("--baseline")
        {
            Description = "Suppress the findings listed in this baseline file, so only new findings fail.",
            HelpName = "file",
        };
        var writeBaseline = new Option<string?>("--write-baseline")
        {
            Description = "Write the current findings to this baseline file (JSON) and treat them as accepted.",
            HelpName = "file",
        };
        var showSuppressed = CommonOptions.Flag(
            "--show-suppressed",
            "List suppressed findings in text and md output too (JSON and SARIF always include them).");
        var ns = CommonOptions.Namespace();
        ns.Description = "Namespace for objects that name none (default 'default').";
        var standard = CommonOptions.StandardOptions();
        var ignoreKind = IgnoreKinds.Option();

        var command = new Command(
            "lint",
            "Find NetworkPolicy and Service misconfigurations, reasoning on the evaluated result: policies that " +
            "select nothing, selectors split into OR'ed peers, rules ignored by policyTypes, unstable selector " +
            "labels, workloads not isolated, egress isolation that blocks DNS, services without backends. Each " +
            "finding has a rule ID, a severity and its file:line:col; input errors (PC0xxx) are reported too. " +
            "'policycheck rules' lists the rules. Rule settings come from the profile and .policycheck.yaml; " +
            "findings are suppressed by the policycheck.io/ignore annotation or a baseline file.")
        {
            format.Output, format.Legacy, failOn, profile, baseline, writeBaseline, showSuppressed, ns,
        };
        command.Options.Add(ignoreKind);
        standard.AddTo(command);
        AuditSource.AddPaths(command, paths, audit);
        command.SetAction((parse, ct) => AuditSource.RunAsync(audit, parse, Terminal.From(parse), (loaded, token) =>
        {
            var errors = new List<SettingsError>();
            var config = ProjectConfig.Load(parse, errors); // validated before the command ran, so no errors here
            return LintHandler.RunAsync(
                new LintRequest
                {
                    Paths = [.. parse.GetValue(paths) ?? []],
                    Format = format.Value(parse),
                    FailOn = parse.GetValue(failOn),
                    Namespace = parse.GetValue(ns),
                    OutputPath = parse.GetValue(standard.OutputFile),
                    Plugin = standard.PluginModel(parse),
                    MaxInputBytes = parse.GetValue(standard.MaxInputSize),
                    IgnoreKinds = [.. parse.GetValue(ignoreKind) ?? []],
                    Quiet = parse.GetValue(standard.Quiet),
                    Verbose = parse.GetValue(standard.Verbose),
                    Profile = parse.GetValue(profile),
                    BaselinePath = parse.GetValue(baseline),
                    WriteBaselinePath = parse.GetValue(writeBaseline),
                    ShowSuppressed = parse.GetValue(showSuppressed),
                    Config = config,
                },
                loaded,
                Terminal.From(parse),
                token);
        }, ct));
        return command;
    }

    public static string[] Examples { get; } =
    [
        "policycheck lint examples/webshop",
        "policycheck lint ./k8s --fail-on error",
        "policycheck lint ./k8s --profile strict -o sarif --output-file lint.sarif",
        "policycheck lint ./k8s --write-baseline .policycheck-baseline.json",
        "policycheck lint ./k8s --baseline .policycheck-baseline.json",
        "policycheck rules",
    ];
}
