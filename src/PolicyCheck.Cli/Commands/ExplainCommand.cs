using System.CommandLine;
using PolicyCheck.Core.Engine;
using PolicyCheck.Reporting.Explain;

namespace PolicyCheck.Cli.Commands;

/// <summary><c>policycheck explain PATH... --from A --to B [--port P]</c>: why one flow is allowed or denied.</summary>
internal static class ExplainCommand
{
    public static Command Create(AuditSource? audit = null)
    {
        var paths = CommonOptions.Paths();
        var from = End("--from", "The source: NAME (in -n, else default), NS/NAME (a workload or a pod of one), KIND/NAME or NS/KIND/NAME as kubectl " +
            "writes them (deploy/web, sts/db, pod/db-0, svc/web), a selector 'ns=shop,app=web', or an address or CIDR (203.0.113.7, " +
            "10.0.0.0/8; an address a known pod has names that pod).");
        var to = End("--to", "The destination, in the same forms as --from.");
        to.Required = false;
        var toService = new Option<string?>("--to-service")
        {
            Description = "The destination as a Service: NS/NAME[:PORT] or a DNS name (svc, svc.ns, svc.ns.svc.cluster.local, an SRV " +
                          "or per-pod name), PORT a number or a port name. Each backend is explained on its resolved targetPort.",
            HelpName = "service",
        };
        var port = CommonOptions.Port("Answer yes or no for one port: '80/TCP', '53/UDP', '8080' (TCP), or a container port name like 'http', resolved on the destination.");
        var format = CommonOptions.OutputFormat(
            "Output format: text (default), json, md.",
            "text|json|md",
            "an explain format; use text, json or md",
            ("text", ExplainFormat.Text), ("json", ExplainFormat.Json), ("md", ExplainFormat.Markdown), ("markdown", ExplainFormat.Markdown));
        var ns = CommonOptions.Namespace();
        ns.Description = "Namespace for objects that name none (default 'default').";
        var standard = CommonOptions.StandardOptions();
        var ignoreKind = IgnoreKinds.Option();

        var command = new Command(
            "explain",
            "Explain why traffic from one subject to another is allowed or denied: the egress side and the ingress " +
            "side, down to the policy, rule, peer and port, with their file:line. Several matches (a selector, a CIDR) " +
            "explain every pair.")
        {
            from, to, toService, port, format.Output, format.Legacy, ns,
        };
        command.Options.Add(ignoreKind);
        standard.AddTo(command);
        AuditSource.AddPaths(command, paths, audit);
        command.Validators.Add(result =>
        {
            var hasTo = result.GetResult(to) is not null;
            var hasService = result.GetResult(toService) is not null;
            if (hasTo == hasService)
                result.AddError("Give the destination with exactly one of --to and --to-service.");
            if (hasService && result.GetResult(port) is not null)
                result.AddError("--port does not go with --to-service: name the service port as NS/NAME:PORT.");
        });
        command.SetAction((parse, ct) => AuditSource.RunAsync(audit, parse, Terminal.From(parse), (loaded, token) => ExplainHandler.RunAsync(
            new ExplainRequest
            {
                Paths = [.. parse.GetValue(paths) ?? []],
                From = parse.GetValue(from)!, // required: the parser reports a missing --from before any action runs
                To = parse.GetValue(to), // null with --to-service (the validator requires exactly one)
                ToService = parse.GetValue(toService),
                Port = parse.GetValue(port),
                Format = format.Value(parse),
                Namespace = parse.GetValue(ns),
                OutputPath = parse.GetValue(standard.OutputFile),
                Plugin = standard.PluginModel(parse),
                MaxInputBytes = parse.GetValue(standard.MaxInputSize),
                IgnoreKinds = [.. parse.GetValue(ignoreKind) ?? []],
                Quiet = parse.GetValue(standard.Quiet),
                Verbose = parse.GetValue(standard.Verbose),
            },
            loaded,
            Terminal.From(parse),
            token), ct));
        return command;
    }

    public static string[] Examples { get; } =
    [
        "policycheck explain examples/seed-scenarios --from default/back-end --to default/my-app",
        "policycheck explain examples/seed-scenarios --from default/front-end --to default/my-app --port 9376/TCP",
        "policycheck explain ./k8s --from 'ns=shop,app=web' --to 10.0.0.0/8 -o json",
        "policycheck explain examples/seed-scenarios --from default/back-end --to-service my-service.default:80",
    ];

    private static Option<SubjectQuery?> End(string name, string description)
    {
        var option = CommonOptions.Subject(name, description);
        option.Required = true;
        return option;
    }
}
