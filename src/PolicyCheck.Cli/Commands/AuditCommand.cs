using System.CommandLine;
using PolicyCheck.Kube;

namespace PolicyCheck.Cli.Commands;

/// <summary>
/// <c>policycheck audit [connection options] matrix|list|explain|lint|compare …</c>: the offline commands, run on what
/// a live cluster holds instead of manifest paths. The client only sends GET requests (LIST and GET).
/// </summary>
internal static class AuditCommand
{
    /// <param name="configure">Adjusts the connection options (tests: a fake environment and service-account folder).</param>
    public static Command Create(Func<KubeConnectionOptions, KubeConnectionOptions>? configure = null)
    {
        var source = new AuditSource(configure);
        var command = new Command(
            "audit",
            "Read a running cluster with your kubeconfig (or from inside it) and evaluate what is really deployed: " +
            "namespaces, pods with their real IPs and hostNetwork, services, endpointslices and network policies. " +
            "Read-only: only LIST and GET requests. The subcommands take the options and formats of the offline " +
            "commands; objects are located as cluster://CONTEXT/NAMESPACE/KIND/NAME. Exit code 4 when the cluster " +
            "cannot be read (kubeconfig, 401, 403, TLS, unreachable, timeout).");
        foreach (var option in source.Options)
            command.Options.Add(option);
        command.Subcommands.Add(MatrixCommand.Create(source));
        command.Subcommands.Add(ListCommand.Create(source));
        command.Subcommands.Add(ExplainCommand.Create(source));
        command.Subcommands.Add(LintCommand.Create(source));
        command.Subcommands.Add(AuditCompareCommand.Create(source));
        return command;
    }

    public static string[] Examples { get; } =
    [
        "policycheck audit matrix",
        "policycheck audit --context prod --namespace shop list --focus shop/web",
        "policycheck audit --save snapshot.yaml lint -o sarif --output-file audit.sarif",
        "policycheck audit --in-cluster lint -o sarif",
        "policycheck audit compare ./k8s --fail-on-drift",
    ];
}
