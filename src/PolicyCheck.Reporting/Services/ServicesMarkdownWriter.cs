using PolicyCheck.Core.Services;

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
                _ => string.Join("<br>", summary.Endpoints.Backends.Select(b => $"`{b.Id}`")),
            };
            output.WriteLine(
                $"| `{summary.Id}` | {summary.TypeText} | {Cell(summary.Ports.Select(ServiceReachText.PortMapping))} | {backends} | " +
                $"{Cell(summary.DnsNames.TakeLast(1).Concat(summary.SrvNames).Select(n => $"`{n}`"))} | " +
                $"{Cell(summary.Ports.Select(p => $"{p.Label}: {ServicesTextWriter.Reached(p, workloads)}"))} |");
        }

        if (report.Dns is not { } dns)
            return;
        output.WriteLine();
        output.WriteLine($"**Cluster DNS** (`{dns.Service.Namespace}/{dns.Service.Name}`, port 53 UDP and TCP)" +
                         (dns.Assumed is { } assumed ? $": {Escape(assumed)}" : string.Empty));
        output.WriteLine();
        output.WriteLine("| Workload | UDP | TCP |");
        output.WriteLine("|---|---|---|");
        foreach (var workload in dns.Workloads)
            output.WriteLine($"| `{workload.Workload.Id}` | {ServiceReachText.Coverage(workload.Udp)} | {ServiceReachText.Coverage(workload.Tcp)} |");
    }

    private static string Cell(IEnumerable<string> lines) => string.Join("<br>", lines.Select(Escape));

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
