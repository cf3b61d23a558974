using System.Globalization;
using PolicyCheck.Core.Services;
using PolicyCheck.Reporting.Formats;

namespace PolicyCheck.Reporting.Services;

/// <summary>
/// The services listing for people: one block per service (type, ports → targetPorts, backends, DNS names, who
/// reaches each port), then the cluster DNS assessment.
/// </summary>
public static class ServicesTextWriter
{
    private const int MaxNames = 8;

    public static void Write(ServicesReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        if (report.Services.IsEmpty)
            output.WriteLine("No services.");
        var workloads = report.Subjects.Count(s => !s.IsExternal);
        foreach (var summary in report.Services)
        {
            var service = summary.Service;
            output.WriteLine(TerminalText.Clean($"{summary.Id}  {summary.TypeText}{Selector(summary)}"));
            foreach (var port in summary.Ports)
                Line(output, "port", ServiceReachText.PortMapping(port));
            Line(output, "backends", summary.Endpoints.Source switch
            {
                EndpointsSource.None => $"none (alias for {service.ExternalName})",
                EndpointsSource.Manual => "managed by hand (no selector)",
                _ when summary.Endpoints.Backends.IsEmpty => "none",
                _ => string.Join(", ", summary.Endpoints.Backends.Select(b => report.Subjects.FirstOrDefault(s => ReferenceEquals(s.Workload, b))?.Id ?? b.Id)),
            });
            Line(output, "dns", string.Join(", ", summary.DnsNames));
            foreach (var srv in summary.SrvNames)
                Line(output, "srv", srv);
            foreach (var pod in summary.PodNames)
                Line(output, "pod dns", pod.Name ?? $"{pod.Workload}: unknown ({pod.Basis})");
            foreach (var port in summary.Ports)
                Line(output, "reached", $"{ServiceReachText.Label(port)}: {Reached(port, workloads)}");
            foreach (var note in summary.Notes)
                Line(output, "note", note);
            output.WriteLine();
        }

        if (report.Dns is { } dns)
            WriteDns(dns, output);
    }

    internal static string Reached(ServicePortSummary port, int workloadCount)
    {
        var clients = port.Verdicts.Where(v => !v.Client.IsExternal && ServiceClients.IsClient(v)).ToList();
        var text = string.Create(CultureInfo.InvariantCulture, $"{clients.Count} of {workloadCount} workloads");
        if (clients.Count > 0)
            text += " (" + Names(clients.Select(Client)) + ")";
        var outside = port.Verdicts.Where(v => v.Client.IsExternal).ToList();
        if (outside.Count == 0)
            return text;
        var reached = outside.Where(ServiceClients.IsClient).ToList();
        var uncertain = outside.Where(v => v.Coverage == ServiceCoverage.None && v.Uncertain > 0).ToList();
        if (outside.All(v => v.Route == ServiceRoute.Unreachable))
            return text + "; outside: no way in";
        text += reached.Count == 0 ? "; outside: none" : "; outside: " + Names(reached.Select(Client));
        if (uncertain.Count > 0)
            text += "; depends on node addresses: " + Names(uncertain.Select(v => v.Client.Id));
        return text;
    }

    private static string Client(ServiceVerdict verdict) => verdict.Coverage == ServiceCoverage.Some
        ? string.Create(CultureInfo.InvariantCulture, $"{verdict.Client.Id} ({verdict.Reached} of {verdict.Endpoints} backends)")
        : verdict.Client.Id;

    private static string Names(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count <= MaxNames
            ? string.Join(", ", list)
            : string.Join(", ", list.Take(MaxNames)) + string.Create(CultureInfo.InvariantCulture, $", … {list.Count - MaxNames} more");
    }

    private static string Selector(ServiceSummary summary) => summary.Service.Selector is { Count: > 0 } selector
        ? "  selector " + string.Join(',', selector.Select(p => $"{p.Key}={p.Value}"))
        : string.Empty;

    private static void Line(TextWriter output, string label, string text) => output.WriteLine(TerminalText.Clean($"  {label,-9} {text}"));

    internal static void WriteDns(ClusterDnsAssessment dns, TextWriter output)
    {
        output.WriteLine(TerminalText.Clean($"Cluster DNS ({dns.Service.Namespace}/{dns.Service.Name}, port 53 UDP and TCP)"));
        if (dns.Assumed is { } assumed)
            Line(output, "assumed", assumed);
        foreach (var group in dns.Workloads.GroupBy(w => w.Summary).OrderBy(g => g.Key, StringComparer.Ordinal))
            Line(output, group.Key, string.Join(", ", group.Select(w => w.Workload.Id)));
    }
}
