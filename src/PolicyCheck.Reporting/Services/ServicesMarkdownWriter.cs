using PolicyCheck.Core.Services;
using static PolicyCheck.Reporting.Formats.MarkdownText;

namespace PolicyCheck.Reporting.Services;

/// <summary>The services listing as a GitHub-flavoured Markdown table, then the cluster DNS assessment.</summary>
public static class ServicesMarkdownWriter
{
    public static void Write(ServicesReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var workloads = report.Subjects.Count(s => !s.IsExternal);
        output.WriteLine("| Service | Type | Ports → targetPorts | Backends | DNS | Reached by |");
        output.WriteLine("|---|---|---|---|---|---|");
        foreach (var summary in report.Services)
        {
            var backends = summary.Endpoints.Source switch
            {
                EndpointsSource.None => "none (ExternalName)",
                EndpointsSource.Manual => "manual (no selector)",
                _ when summary.Endpoints.Backends.IsEmpty => "none",
                _ => string.Join("<br>", summary.Endpoints.Backends.Select(b => $"`{Code(b.Id)}`")),
            };
            output.WriteLine(
                $"| `{Code(summary.Id)}` | {Escape(summary.TypeText)} | {Cell(summary.Ports.Select(ServiceReachText.PortMapping))} | {backends} | " +
                $"{string.Join("<br>", summary.DnsNames.TakeLast(1).Concat(summary.SrvNames).Select(n => $"`{Code(n)}`"))} | " +
                $"{Cell(summary.Ports.Select(p => $"{ServiceReachText.Label(p)}: {ServicesTextWriter.Reached(p, workloads)}"))} |");
        }

        if (report.Dns is not { } dns)
            return;
        output.WriteLine();
        output.WriteLine($"**Cluster DNS** (`{Code($"{dns.Service.Namespace}/{dns.Service.Name}")}`, port 53 UDP and TCP)" +
                         (dns.Assumed is { } assumed ? $": {Escape(assumed)}" : string.Empty));
        output.WriteLine();
        output.WriteLine("| Workload | UDP | TCP |");
        output.WriteLine("|---|---|---|");
        foreach (var workload in dns.Workloads)
            output.WriteLine($"| `{Code(workload.Workload.Id)}` | {ServiceReachText.Coverage(workload.Udp)} | {ServiceReachText.Coverage(workload.Tcp)} |");
    }

    private static string Cell(IEnumerable<string> lines) => string.Join("<br>", lines.Select(Escape));
}
