using System.CommandLine;
using System.Globalization;
using PolicyCheck.Kube;
using PolicyCheck.Manifests;

namespace PolicyCheck.Cli.Commands;

/// <summary>
/// Where <c>policycheck audit</c> reads from: the connection options of the <c>audit</c> command, and the step that
/// reads the cluster, saves the snapshot and hands the loaded objects to an analysis handler in place of manifests.
/// The offline commands pass a null source and load their paths as before.
/// </summary>
internal sealed class AuditSource
{
    /// <summary>What the read looks like in a terminal, and which tests replace the environment through.</summary>
    private readonly Func<KubeConnectionOptions, KubeConnectionOptions> _configure;

    public AuditSource(Func<KubeConnectionOptions, KubeConnectionOptions>? configure = null)
    {
        _configure = configure ?? (options => options);
    }

    public Option<string?> Kubeconfig { get; } = new("--kubeconfig")
    {
        Description = "The kubeconfig file to use (default: the files in KUBECONFIG, merged as kubectl does, else ~/.kube/config).",
        HelpName = "file",
    };

    public Option<string?> Context { get; } = new("--context")
    {
        Description = "The kubeconfig context to use (default: its current-context).",
        HelpName = "name",
    };

    public Option<bool> InCluster { get; } = new("--in-cluster")
    {
        Description = "Connect as the pod's service account (KUBERNETES_SERVICE_HOST/PORT, the mounted token and CA), " +
                      "as a CronJob in the cluster does; used on its own when no kubeconfig exists inside a pod.",
    };

    public Option<string?> Namespace { get; } = new("--namespace", "-n")
    {
        Description = "Read only this namespace (needs only namespaced list rights, plus get on the namespace); " +
                      "default: all namespaces.",
        HelpName = "ns",
    };

    public Option<bool> AllNamespaces { get; } = new(CommonOptions.AllNamespacesName, "-A")
    {
        Description = "Read every namespace (the default without --namespace, which it excludes).",
    };

    public Option<double?> Timeout { get; } = new("--timeout")
    {
        Description = "Seconds each request to the API server may take (default 30).",
        HelpName = "seconds",
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= 3600)
                return seconds;
            result.AddError($"'{text}' is not a timeout; give seconds more than 0 and at most 3600, e.g. 30 or 2.5.");
            return null;
        },
    };

    public Option<string?> Save { get; } = new("--save")
    {
        Description = "Also write what was read to this file as a 'kind: List' YAML (managedFields removed), which " +
                      "every offline command loads again: the audit can be reproduced without cluster access.",
        HelpName = "file",
    };

    /// <summary>
    /// The options of <c>audit</c>. All but --namespace and --all-namespaces also work after the subcommand
    /// (recursive), where the offline commands' own --namespace and --all-namespaces already apply.
    /// </summary>
    public IEnumerable<Option> Options
    {
        get
        {
            foreach (var option in new Option[] { Kubeconfig, Context, InCluster, Timeout, Save })
                option.Recursive = true;
            return [Kubeconfig, Context, InCluster, Namespace, AllNamespaces, Timeout, Save];
        }
    }

    /// <summary>An offline command takes manifest paths; under audit the objects come from the cluster instead.</summary>
    public static void AddPaths(Command command, Argument<string[]> paths, AuditSource? audit)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (audit is null)
            command.Arguments.Add(paths);
    }

    /// <summary>
    /// Runs <paramref name="analyze"/>: at once with null (it loads its manifest paths) when there is no audit, else on
    /// the objects read from the cluster. A cluster that cannot be read ends the run with
    /// <see cref="ExitCode.ClusterUnreachable"/> before any result is written.
    /// </summary>
    public static Task<int> RunAsync(
        AuditSource? audit, ParseResult parse, Terminal terminal, Func<LoadResult?, CancellationToken, Task<int>> analyze, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(analyze);
        return audit is null ? analyze(null, cancellationToken) : audit.ReadAndAnalyzeAsync(parse, terminal, analyze, cancellationToken);
    }

    private async Task<int> ReadAndAnalyzeAsync(
        ParseResult parse, Terminal terminal, Func<LoadResult?, CancellationToken, Task<int>> analyze, CancellationToken cancellationToken)
    {
        var (read, exit) = await ReadAsync(parse, terminal, cancellationToken);
        if (read is null)
            return exit;
        return await analyze(ManifestLoader.LoadLive(read.Context, read.Objects, cancellationToken: cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Reads the cluster (and writes <c>--save</c>); null with the exit code when it cannot. The namespace comes from
    /// <c>audit --namespace</c> or the subcommand's own <c>--namespace</c>; both at once must agree, and neither goes
    /// with <c>--all-namespaces</c> on either level.
    /// </summary>
    public async Task<(ClusterRead? Read, int ExitCode)> ReadAsync(ParseResult parse, Terminal terminal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(terminal);
        var auditNamespace = parse.GetValue(Namespace);
        var commandNamespace = parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == "--namespace") is Option<string?> own
            ? parse.GetValue(own)
            : null;
        if (auditNamespace is not null && commandNamespace is not null && auditNamespace != commandNamespace)
        {
            terminal.Error.WriteLine($"policycheck: audit --namespace '{auditNamespace}' and {parse.CommandResult.Command.Name} --namespace " +
                                     $"'{commandNamespace}' disagree; give one of them.");
            return (null, (int)ExitCode.UsageError);
        }

        var ns = auditNamespace ?? commandNamespace;
        var commandAll = parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == CommonOptions.AllNamespacesName) is Option<bool> ownAll &&
                         parse.GetValue(ownAll);
        if (ns is not null && (parse.GetValue(AllNamespaces) || commandAll))
        {
            terminal.Error.WriteLine($"policycheck: {UsageRules.ExcludeMessage("--namespace", CommonOptions.AllNamespacesName)}");
            return (null, (int)ExitCode.UsageError);
        }

        // The parser does not validate audit's own --namespace when a subcommand runs; a name such as '..' would
        // otherwise go into the request path and list the whole cluster.
        if (ns is not null && !UsageRules.IsDnsLabel(ns))
        {
            terminal.Error.WriteLine($"policycheck: {UsageRules.NamespaceMessage(ns)}");
            return (null, (int)ExitCode.UsageError);
        }

        var verbose = parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == "--verbose") is Option<bool> verboseOption && parse.GetValue(verboseOption);
        var options = _configure(new KubeConnectionOptions(
            parse.GetValue(Kubeconfig),
            parse.GetValue(Context),
            parse.GetValue(InCluster),
            parse.GetValue(Timeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            verbose ? terminal.Error : null));
        ClusterRead read;
        try
        {
            using var client = KubeClient.Create(options); // with --verbose it logs the context, server and kind of credential
            read = await ClusterReader.ReadAsync(client, ns, new AuditProgress(terminal, verbose), cancellationToken);
        }
        catch (KubeConfigException ex)
        {
            terminal.Error.WriteLine($"policycheck: cannot connect: {ex.Message}");
            return (null, (int)ExitCode.ClusterUnreachable);
        }
        catch (KubeApiException ex)
        {
            terminal.Error.WriteLine($"policycheck: cannot read the cluster: {ex.Message}");
            if (ex.Kind == KubeApiError.Forbidden)
                terminal.Error.WriteLine("The audit needs list on namespaces, pods, services, endpointslices.discovery.k8s.io and " +
                                         "networkpolicies.networking.k8s.io (get on namespaces for --namespace); see examples/audit-in-cluster.");
            return (null, (int)ExitCode.ClusterUnreachable);
        }

        if (parse.GetValue(Save) is { } savePath &&
            !await OutputFile.WriteAsync(savePath, terminal, writer => SnapshotWriter.Write(read.Objects, writer), cancellationToken))
            return (null, (int)ExitCode.UsageError);
        return (read, (int)ExitCode.Ok);
    }

    /// <summary>Progress lines of the read, on stderr when it is a terminal or with --verbose.</summary>
    private sealed class AuditProgress(Terminal terminal, bool verbose) : IProgress<string>
    {
        public void Report(string value)
        {
            if (verbose || terminal.ErrorIsTerminal)
                terminal.Error.WriteLine($"policycheck: {value}…");
        }
    }
}
