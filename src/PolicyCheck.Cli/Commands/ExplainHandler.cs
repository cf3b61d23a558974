using System.Collections.Immutable;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Explain;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;
using PolicyCheck.Manifests;
using PolicyCheck.Reporting.Explain;

namespace PolicyCheck.Cli.Commands;

/// <summary>Request → load → evaluate → resolve both ends → explain every pair → write → exit code.</summary>
internal static class ExplainHandler
{
    private const int NearbyShown = 12;

    /// <summary>How the explanation names the flags it points back at.</summary>
    private static readonly ExplainHints Hints = new(From: "--from", To: "--to", IpBlockPodsIgnored: "--ipblock-pods=ignore")
    {
        HostNetworkPodsIgnored = "--hostnetwork-pods=ignore",
        HostNetworkPodsSelected = "--hostnetwork-pods=select",
        EndPortIgnored = "--endport=ignore",
        SctpUnsupported = "--sctp=unsupported",
    };

    public static Task<int> RunAsync(ExplainRequest request, Terminal terminal, CancellationToken cancellationToken) =>
        RunAsync(request, null, terminal, cancellationToken);

    /// <param name="loaded">Objects already loaded (from a cluster); null to load <c>request.Paths</c>.</param>
    public static async Task<int> RunAsync(ExplainRequest request, LoadResult? loaded, Terminal terminal, CancellationToken cancellationToken)
    {
        var options = request.Plugin;
        (loaded, var matrix) = Analysis.LoadAndEvaluate(request.AnalysisOptions(loaded) with { AssumeClusterDns = true }, terminal, cancellationToken);
        // A name without namespace looks in -n, else 'default', as kubectl does; svc/NAME takes the service's backends.
        var fromQuery = request.From.Bind(request.Namespace, loaded.Cluster);
        var toQuery = request.To?.Bind(request.Namespace, loaded.Cluster);
        var from = fromQuery.Resolve(matrix);
        var to = toQuery?.Resolve(matrix) ?? [];
        var ends = toQuery is { } bound ? new[] { ("--from", fromQuery), ("--to", bound) } : [("--from", fromQuery)];
        if (from.IsEmpty || (toQuery is not null && to.IsEmpty))
        {
            foreach (var (option, query) in ends)
            {
                if (query.Resolve(matrix).IsEmpty)
                    terminal.Error.WriteLine($"policycheck: {option} '{query.Text}' matches no subject. {Nearby(matrix, query)}");
            }

            terminal.Error.WriteLine("Run 'policycheck explain --help' for usage.");
            return (int)ExitCode.UsageError;
        }

        ExplainReport report;
        if (request.ToService is { } serviceText)
        {
            var service = ServiceReport(loaded.Cluster, matrix, options, request, from, serviceText, terminal, cancellationToken);
            if (service is null)
                return (int)ExitCode.UsageError;
            report = service;
        }
        else
        {
            var flows = ImmutableArray.CreateBuilder<FlowExplanation>();
            foreach (var source in from)
            {
                foreach (var destination in to)
                    flows.Add(Flow(loaded.Cluster, matrix, source, destination, options, request.Port, request.From.Address, request.To!.Address));
            }

            report = new ExplainReport(
                request.From.Text,
                [.. from.Select(i => matrix.Subjects[i])],
                request.To!.Text,
                [.. to.Select(i => matrix.Subjects[i])],
                request.Port,
                flows.ToImmutable(),
                request.OutputPath is null && terminal.OutputColor,
                Hints: Hints)
            {
                Assumed = flows.Any(f => f.From.IsAssumed || f.To.IsAssumed) ? ClusterDns.WithDns(loaded.Cluster).Assumed : null,
                Plugin = options,
            };
        }
        var written = await OutputFile.WriteAsync(request.OutputPath, terminal, writer => ExplainWriters.Create(request.Format).Write(report, writer), cancellationToken);
        return Analysis.Finish(written, loaded, request.Quiet, terminal, "explanation");
    }

    /// <summary>
    /// One pair, as the matrix answers it: a workload with several pods to itself is one pod to another, which the
    /// policies govern (the matrix's diagonal); any other pair, a single pod to itself included, as it is.
    /// </summary>
    private static FlowExplanation Flow(
        Cluster cluster, ReachabilityMatrix matrix, int source, int destination, EvaluationOptions options, PortQuery? port, IpCidr? fromAddress, IpCidr? toAddress)
    {
        var subject = matrix.Subjects[source];
        return source == destination && subject.Workload is { HasSeveralPods: true }
            ? Explainer.ExplainBetweenReplicas(cluster, subject, options, port)
            : Explainer.Explain(cluster, subject, matrix.Subjects[destination], options, port, fromAddress, toAddress);
    }

    /// <summary>
    /// <c>--to-service</c>: finds the service (NS/NAME[:PORT] or a DNS name, short names in the client's namespace),
    /// asks the service model which backends each client reaches on which targetPort, and explains each client to
    /// each backend on that port. Null (after a message) when the service or its port does not exist. The cluster DNS
    /// (kube-dns in kube-system) the manifests lack is assumed as <see cref="ClusterDns.WithDns"/> does, and the
    /// report says so.
    /// </summary>
    private static ExplainReport? ServiceReport(
        Cluster cluster, ReachabilityMatrix matrix, EvaluationOptions options, ExplainRequest request, ImmutableArray<int> from, string serviceText, Terminal terminal,
        CancellationToken cancellationToken)
    {
        var clientNamespace = matrix.Subjects[from[0]].Namespace ?? request.Namespace ?? "default";
        var found = ServiceLookup.TryFind(cluster, serviceText, clientNamespace, out var match, out var port, out var error) && match is not null;
        string? assumed = null;
        if (!found || IsClusterDns(match!.Service)) // found: TryFind set the match
        {
            var (withDns, _, assumption) = ClusterDns.WithDns(cluster);
            if (assumption is not null &&
                ServiceLookup.TryFind(withDns, serviceText, clientNamespace, out var dnsMatch, out var dnsPort, out var dnsError) && dnsMatch is not null &&
                IsClusterDns(dnsMatch.Service))
            {
                // The matrix already holds the assumed DNS when a policy restricts egress (see Analysis.LoadAndEvaluate).
                var dnsMatrix = matrix.Subjects.Any(s => s.IsAssumed) ? matrix : Evaluator.Evaluate(withDns, options, null, cancellationToken);
                from = [.. from.Select(i => dnsMatrix.IndexOf(matrix.Subjects[i].Id))];
                (cluster, matrix, match, port, error, assumed, found) = (withDns, dnsMatrix, dnsMatch, dnsPort, dnsError, assumption, true);
            }
        }

        if (!found || match is null)
        {
            terminal.Error.WriteLine($"policycheck: --to-service: {error ?? $"no service is named '{serviceText}'."}");
            terminal.Error.WriteLine("Run 'policycheck explain --help' for usage.");
            return null;
        }

        var reachability = new ServiceReachability(cluster, matrix);
        var portValue = port ?? (match.Port is { } srv ? (srv.Name is { } srvName ? PortValue.Of(srvName) : PortValue.Of(srv.Port)) : null);
        var verdicts = ImmutableArray.CreateBuilder<ServiceVerdict>();
        foreach (var client in from)
            verdicts.AddRange(reachability.Reach(client, match.Service, portValue));
        if (verdicts.Count == 0)
        {
            var ports = string.Join(", ", match.Service.Ports.Select(p => p.Name is { } n ? $"{ServicePort.QuoteName(n)} ({p.Port}/{p.Protocol.ToApiString()})" : $"{p.Port}/{p.Protocol.ToApiString()}"));
            terminal.Error.WriteLine($"policycheck: --to-service: service '{match.Service.Namespace}/{match.Service.Name}' has no port '{portValue}'; its ports: {(ports.Length == 0 ? "none" : ports)}.");
            return null;
        }

        var flows = ImmutableArray.CreateBuilder<FlowExplanation>();
        var backends = new List<Subject>();
        foreach (var verdict in verdicts)
        {
            var client = matrix.IndexOf(verdict.Client.Id);
            foreach (var backend in verdict.Backends)
            {
                if (backend.TargetPort is not { } target)
                    continue;
                // By name and kind, not reference: an assumed DNS backend may come from another copy of the cluster.
                var b = backend.Backend;
                var subject = matrix.Subjects.First(s => s.Workload is { } w && (w.Namespace, w.Name, w.Kind) == (b.Namespace, b.Name, b.Kind));
                if (!backends.Contains(subject))
                    backends.Add(subject);
                // Policies see the backend pod and its targetPort, after kube-proxy's translation.
                flows.Add(Flow(cluster, matrix, client, matrix.IndexOf(subject.Id), options, PortQuery.Of(target, verdict.Port.Protocol), request.From.Address, null));
            }
        }

        return new ExplainReport(
            request.From.Text,
            [.. from.Select(i => matrix.Subjects[i])],
            serviceText,
            [.. backends],
            null,
            flows.ToImmutable(),
            request.OutputPath is null && terminal.OutputColor,
            verdicts.ToImmutable(),
            Hints)
        {
            Assumed = assumed,
            Plugin = options,
        };
    }

    private static bool IsClusterDns(Service service) => service is { Namespace: ClusterDns.Namespace, Name: ClusterDns.ServiceName };

    /// <summary>What exists near a query that matched nothing: the namespace's workloads, or the namespaces there are.</summary>
    private static string Nearby(ReachabilityMatrix matrix, SubjectQuery query)
    {
        var workloads = matrix.Subjects.Where(s => !s.IsExternal).ToList();
        if (query.IsExternal)
            return "No outside range or pod IP lies in it.";
        if (workloads.Count == 0)
            return "The inputs define no workloads.";
        if (query.Namespace is { } ns)
        {
            var inNamespace = workloads.Where(s => s.Namespace == ns).Select(s => s.Id).ToList();
            if (inNamespace.Count > 0)
                return $"Namespace '{ns}' has: {List(inNamespace)}.";
            var namespaces = workloads.Select(s => s.Namespace!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            return $"Namespace '{ns}' has no workloads; namespaces with workloads: {List(namespaces)}.";
        }

        return $"Workloads: {List(workloads.Select(s => s.Id).ToList())}.";
    }

    private static string List(List<string> items) => items.Count <= NearbyShown
        ? string.Join(", ", items)
        : $"{string.Join(", ", items.Take(NearbyShown))} and {items.Count - NearbyShown} more";
}
