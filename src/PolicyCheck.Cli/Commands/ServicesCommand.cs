using System.CommandLine;
using PolicyCheck.Reporting.Services;

namespace PolicyCheck.Cli.Commands;

/// <summary><c>policycheck services PATH...</c>: services, their backends, DNS names and who reaches them.</summary>
internal static class ServicesCommand
{
    public static Command Create()
    {
        var paths = CommonOptions.Paths();
        var format = CommonOptions.OutputFormat(
            "Output format: text (default), json, md.",
            "text|json|md",
            "a services format; use text, json or md",
            ("text", ServicesFormat.Text), ("table", ServicesFormat.Text), ("json", ServicesFormat.Json), ("md", ServicesFormat.Markdown), ("markdown", ServicesFormat.Markdown));
        var env = new Option<string?>("--env")
        {
            Description = "Print the service environment variables the pods of this workload (NS/NAME) receive.",
            HelpName = "ns/name",
        };
        var service = new Option<string?>("--service")
        {
            Description = "Show one service (NS/NAME) in detail: per client and backend, the targetPort used and why it is or is not reached.",
            HelpName = "ns/name",
        };
        var ns = CommonOptions.Namespace();
        var allNamespaces = CommonOptions.AllNamespaces();
        var standard = CommonOptions.StandardOptions();
        var ignoreKind = IgnoreKinds.Option();

        var command = new Command(
            "services",
            "List the Services: type, ports → targetPorts per backend, backends, DNS names, and which workloads and " +
            "outside addresses reach each port under the NetworkPolicies (which see the targetPort, after kube-proxy). " +
            "Ends with whether each workload reaches the cluster DNS.")
        {
            paths, format.Output, format.Legacy, ns, allNamespaces, env, service,
        };
        command.Options.Add(ignoreKind);
        standard.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(env) is not null && result.GetValue(service) is not null)
                result.AddError("Use --env or --service, not both.");
            foreach (var option in new[] { env, service })
            {
                if (result.GetValue(option) is { } text && ServicesAnalysis.SplitId(text) is null)
                    result.AddError($"'{text}' is not NS/NAME (e.g. default/my-service).");
            }
        });
        command.SetAction((parse, ct) => ServicesHandler.RunAsync(
            new ServicesRequest
            {
                Paths = [.. parse.GetValue(paths) ?? []],
                Format = format.Value(parse),
                Namespace = parse.GetValue(ns),
                Env = parse.GetValue(env),
                Service = parse.GetValue(service),
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

    public static string[] Examples { get; } =
    [
        "policycheck services examples/seed-scenarios",
        "policycheck services ./k8s --namespace shop -o md",
        "policycheck services ./k8s --service default/my-service",
        "policycheck services ./k8s --env shop/frontend",
    ];
}
