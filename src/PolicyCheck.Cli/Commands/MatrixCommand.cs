using System.CommandLine;
using PolicyCheck.Reporting.Matrix;

namespace PolicyCheck.Cli.Commands;

/// <summary><c>policycheck matrix PATH...</c>: which subject can reach which, per protocol and port.</summary>
internal static class MatrixCommand
{
    public static Command Create(AuditSource? audit = null)
    {
        var paths = CommonOptions.Paths();
        var format = CommonOptions.OutputFormat(
            "Output format: table (default), json, csv, md, dot.",
            "table|json|csv|md|dot",
            "a matrix format; use table, json, csv, md or dot",
            ("table", MatrixFormat.Table), ("json", MatrixFormat.Json), ("csv", MatrixFormat.Csv), ("md", MatrixFormat.Markdown), ("markdown", MatrixFormat.Markdown), ("dot", MatrixFormat.Dot));
        var port = CommonOptions.Port("Show a yes/no matrix for one port: '80/TCP', '53/UDP', '8080' (TCP), or a container port name like 'http', resolved on each destination pod.");
        var selector = CommonOptions.Selector("Show only workloads whose labels match, in kubectl syntax: 'app=web,tier!=db,env in (prod,stage),!legacy'.");
        var groupEquivalent = new Option<bool>("--group-equivalent", "-g")
        {
            Description = "Merge subjects whose rows and columns are identical into groups, and show what groups allow " +
                          "each other (table, json, md; JSON lists every group's members).",
        };
        var noGroup = CommonOptions.Flag(
            "--no-group",
            $"Show every subject even on a terminal. Otherwise a table for the terminal that would be " +
            $"more than {AutoGrouping.MaxScreens} screens wide (about {AutoGrouping.ReadableColumns(80)} " +
            $"subjects at 80 columns) shows groups as with -g, and a summary when more than " +
            $"{AutoGrouping.MaxGroups} groups remain. Piped or saved output never changes by itself.");
        var ns = CommonOptions.Namespace();
        var allNamespaces = CommonOptions.AllNamespaces();
        var standard = CommonOptions.StandardOptions();
        var ignoreKind = IgnoreKinds.Option();
        var services = ServicesMatrixCommandPart.CreateOption();

        var command = new Command(
            "matrix",
            "Show which pods can reach which, per protocol and port. Rows are sources, columns destinations; the " +
            "outside address ranges that the policies' ipBlocks tell apart are subjects too.")
        {
            format.Output, format.Legacy, port, ns, allNamespaces, selector, groupEquivalent, noGroup, services,
        };
        command.Options.Add(ignoreKind);
        standard.AddTo(command);
        AuditSource.AddPaths(command, paths, audit);
        command.Validators.Add(result =>
        {
            if (!result.GetValue(groupEquivalent))
                return;
            if (result.GetValue(noGroup))
                result.AddError("--group-equivalent and --no-group cannot be used together.");
            else if (format.Value(result) is MatrixFormat.Csv or MatrixFormat.Dot)
                result.AddError("--group-equivalent works with -o table, json or md: CSV and DOT show one row or node per subject.");
        });
        command.SetAction((parse, ct) => AuditSource.RunAsync(audit, parse, Terminal.From(parse), (loaded, token) => MatrixHandler.RunAsync(
            new MatrixRequest
            {
                Paths = [.. parse.GetValue(paths) ?? []],
                Format = format.Value(parse),
                Port = parse.GetValue(port),
                Namespace = parse.GetValue(ns),
                Selector = parse.GetValue(selector),
                OutputPath = parse.GetValue(standard.OutputFile),
                Plugin = standard.PluginModel(parse),
                MaxInputBytes = parse.GetValue(standard.MaxInputSize),
                IgnoreKinds = [.. parse.GetValue(ignoreKind) ?? []],
                Quiet = parse.GetValue(standard.Quiet),
                Verbose = parse.GetValue(standard.Verbose),
                GroupEquivalent = parse.GetValue(groupEquivalent),
                NoGroup = parse.GetValue(noGroup),
                Services = parse.GetValue(services),
            },
            loaded,
            Terminal.From(parse),
            token), ct));
        return command;
    }

    public static string[] Examples { get; } =
    [
        "policycheck matrix examples/webshop",
        "policycheck matrix ./k8s --port 5432/TCP --namespace shop",
        "policycheck matrix ./k8s -o json --output-file matrix.json",
        "policycheck matrix ./k8s --group-equivalent -o json",
        "policycheck matrix ./k8s -A --services",
        "kubectl get ns,pods,svc,netpol -A -o yaml | policycheck matrix - --selector app=web",
    ];
}
