using System.CommandLine;
using PolicyCheck.Reporting.Audit;

namespace PolicyCheck.Cli.Commands;

/// <summary><c>policycheck audit compare PATH...</c>: drift between what the cluster runs and what the manifests declare.</summary>
internal static class AuditCompareCommand
{
    public static Command Create(AuditSource source)
    {
        var paths = CommonOptions.Paths();
        var format = CommonOptions.OutputFormat(
            "Output format: text (default), json, md.",
            "text|json|md",
            "a drift format; use text, json or md",
            ("text", DriftFormat.Text), ("json", DriftFormat.Json), ("md", DriftFormat.Markdown), ("markdown", DriftFormat.Markdown));
        var failOnDrift = CommonOptions.Flag(
            "--fail-on-drift",
            "Exit with 1 when any drift is found (CI gates).");
        var standard = CommonOptions.StandardOptions();
        var ignoreKind = IgnoreKinds.Option();
        var command = new Command(
            "compare",
            "Compare the cluster with the manifests that should describe it (the paths): NetworkPolicies only in the " +
            "cluster, only in the manifests, or different in meaning (selectors, policy types, rules, peers and ports " +
            "compared as sets, defaults applied, so formatting and order do not count); workloads on one side only; " +
            "and the connections the cluster allows that the manifests would not, and the reverse. Pods of a " +
            "Deployment's ReplicaSet count as the Deployment.")
        {
            paths, format.Output, format.Legacy, failOnDrift,
        };
        command.Options.Add(ignoreKind);
        standard.AddTo(command);
        command.SetAction((parse, ct) => AuditCompareHandler.RunAsync(
            source,
            parse,
            new AuditCompareRequest
            {
                Paths = [.. parse.GetValue(paths) ?? []],
                Format = format.Value(parse),
                FailOnDrift = parse.GetValue(failOnDrift),
                OutputPath = parse.GetValue(standard.OutputFile),
                Plugin = standard.PluginModel(parse),
                MaxInputBytes = parse.GetValue(standard.MaxInputSize),
                IgnoreKinds = [.. parse.GetValue(ignoreKind) ?? []],
                Quiet = parse.GetValue(standard.Quiet),
                Verbose = parse.GetValue(standard.Verbose),
            },
            Terminal.From(parse),
            ct));
        return command;
    }
}
