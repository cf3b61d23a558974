using System.Collections.Immutable;
using PolicyCheck.Core.Services;
using PolicyCheck.Reporting.Services;

namespace PolicyCheck.Cli.Commands;

/// <summary>Request → load → evaluate → service summaries → writer → exit code.</summary>
internal static class ServicesHandler
{
    public static async Task<int> RunAsync(ServicesRequest request, Terminal terminal, CancellationToken cancellationToken)
    {
        var (loaded, matrix) = Analysis.LoadAndEvaluate(request.AnalysisOptions(), terminal, cancellationToken);
        if (Analysis.NothingToShow(loaded, terminal) is { } nothing)
            return nothing;
        var cluster = loaded.Cluster;
        Action<TextWriter> write;
        if (request.Env is { } envId)
        {
            if (ServicesAnalysis.FindWorkload(cluster, envId) is not { } workload)
                return NotFound(terminal, $"No workload or pod '{envId}' in the inputs; use NS/NAME.");
            var variables = ServiceEnvironment.For(cluster, workload);
            write = output => ServiceEnvironmentWriter.Write(workload, variables, output);
        }
        else
        {
            var reachability = new ServiceReachability(cluster, matrix);
            ImmutableArray<ServiceSummary> services;
            ClusterDnsAssessment? dns = null;
            if (request.Service is { } serviceId)
            {
                if (ServicesAnalysis.FindService(cluster, serviceId) is not { } service)
                    return NotFound(terminal, $"No service '{serviceId}' in the inputs; use NS/NAME.");
                services = ServiceSummary.Build(cluster with { Services = [service] }, reachability);
            }
            else
            {
                services = ServiceSummary.Build(cluster, reachability, request.Namespace);
                var assessment = ClusterDns.Assess(cluster, request.Plugin, matrix);
                dns = request.Namespace is { } ns
                    ? assessment with { Workloads = [.. assessment.Workloads.Where(w => w.Workload.Namespace == ns)] }
                    : assessment;
            }

            var report = new ServicesReport(services, matrix.Subjects, dns) { Plugin = request.Plugin };
            write = (request.Format, request.Service) switch
            {
                (ServicesFormat.Json, _) => output => ServicesJsonWriter.Write(report, output),
                (ServicesFormat.Markdown, _) => output => ServicesMarkdownWriter.Write(report, output),
                (_, not null) => output => ServiceDetailWriter.Write(report, output),
                _ => output => ServicesTextWriter.Write(report, output),
            };
        }

        var written = await OutputFile.WriteAsync(request.OutputPath, terminal, write, cancellationToken);
        return Analysis.Finish(written, loaded, request.Quiet, terminal);
    }

    private static int NotFound(Terminal terminal, string message)
    {
        terminal.Error.WriteLine($"policycheck: {message}");
        return (int)ExitCode.UsageError;
    }
}
