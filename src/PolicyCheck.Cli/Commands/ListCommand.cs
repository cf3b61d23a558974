using System.CommandLine;
using PolicyCheck.Core.Model;
using PolicyCheck.Reporting.List;

namespace PolicyCheck.Cli.Commands;

/// <summary><c>policycheck list PATH...</c>: one line per allowed pair with its ports, then how exposed workloads are.</summary>
internal static class ListCommand
{
    public static Command Create(AuditSource? audit = null)
    {
        var paths = CommonOptions.Paths();
        var format = CommonOptions.OutputFormat(
            "Output format: text (default), json, csv, md.",
            "text|json|csv|md",
            "a list format; use text, json, csv or md",
            ("text", ListFormat.Text), ("json", ListFormat.Json), ("csv", ListFormat.Csv), ("md", ListFormat.Markdown), ("markdown", ListFormat.Markdown));
        var focus = CommonOptions.Subject("--focus", "List only connections from or to these subjects: NAME (in -n, else default), NS/NAME (a " +
                          "workload, or a pod of one), KIND/NAME or NS/KIND/NAME as kubectl writes them (deploy/web, sts/db, pod/db-0, " +
                          "svc/web), a selector 'ns=shop,app=web', or an address or CIDR (203.0.113.7, 10.0.0.0/8).");
        var direction = new Option<Direction?>("--direction")
        {
            Description = "With --focus: 'ingress' lists only connections into the focus, 'egress' only those out of it. Requires --focus.",
            HelpName = "ingress|egress",
            CustomParser = CommonOptions.Choice<Direction?>("ingress", "a direction; use 'ingress' (into the focus) or 'egress' (out of it)", ("ingress", Direction.Ingress), ("egress", Direction.Egress)),
        };
        var port = CommonOptions.Port("List only pairs where this port is allowed: '80/TCP', '53/UDP', '8080' (TCP), or a container port name like 'http', resolved on each destination.");
        var selector = CommonOptions.Selector("List only connections between workloads whose labels match (and outside addresses), in kubectl syntax: 'app=web,tier!=db'.");
        var includeSelf = CommonOptions.Flag(
            "--include-self",
            "Also list each workload to itself (always 'all'). Traffic between replicas of a workload is listed either way, as 'NAME -> NAME (between replicas)'.");
        var noSummary = CommonOptions.Flag(
            "--no-summary",
            "Leave out the exposure summary (text, md and json).");
        var summaryOnly = CommonOptions.Flag(
            "--summary-only",
            "Write only the exposure summary: which workloads are open to the whole cluster, to all namespaces or to outside addresses, and which are not isolated (text, md, json).");
        var ns = CommonOptions.Namespace();
        var allNamespaces = CommonOptions.AllNamespaces();
        var standard = CommonOptions.StandardOptions();
        var ignoreKind = IgnoreKinds.Option();

        var command = new Command(
            "list",
            "List every allowed connection, one line per ordered pair with its protocols and ports, then summarise " +
            "which workloads are open to the whole cluster, to all namespaces or to outside addresses, and which are " +
            "not isolated. A workload to itself is left out unless --include-self.")
        {
            format.Output, format.Legacy, focus, direction, port, ns, allNamespaces, selector, includeSelf, noSummary, summaryOnly,
        };
        command.Options.Add(ignoreKind);
        standard.AddTo(command);
        AuditSource.AddPaths(command, paths, audit);
        command.Validators.Add(result =>
        {
            if (result.GetResult(direction) is not null && result.GetResult(focus) is null)
                result.AddError("--direction needs --focus: it says whether to list connections into the focus (ingress) or out of it (egress).");
            if (result.GetValue(noSummary) && result.GetValue(summaryOnly))
                result.AddError("--no-summary and --summary-only contradict each other; use one.");
            if (result.GetValue(summaryOnly) && format.Value(result) == ListFormat.Csv)
                result.AddError("--summary-only has no CSV form; use -o text, md or json.");
        });
        command.SetAction((parse, ct) => AuditSource.RunAsync(audit, parse, Terminal.From(parse), (loaded, token) => ListHandler.RunAsync(
            new ListRequest
            {
                Paths = [.. parse.GetValue(paths) ?? []],
                Format = format.Value(parse),
                Focus = parse.GetValue(focus),
                Direction = parse.GetValue(direction),
                Port = parse.GetValue(port),
                Namespace = parse.GetValue(ns),
                Selector = parse.GetValue(selector),
                IncludeSelf = parse.GetValue(includeSelf),
                Summary = !parse.GetValue(noSummary),
                SummaryOnly = parse.GetValue(summaryOnly),
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
        "policycheck list examples/webshop",
        "policycheck list ./k8s --focus shop/backend --direction ingress",
        "policycheck list ./k8s --port 5432/TCP --no-summary",
        "policycheck list ./k8s --summary-only -o json --output-file exposure.json",
    ];
}
