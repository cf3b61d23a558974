using System.Text.Json;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;
using PolicyCheck.Reporting.Formats;

namespace PolicyCheck.Reporting.Services;

/// <summary>
/// The <c>policycheck/services/v1</c> document: every service with its ports, per-backend targetPorts, DNS names and
/// the clients that reach each port (only those reaching some backend, or uncertain ones), then the cluster DNS.
/// </summary>
public static class ServicesJsonWriter
{
    public const string Schema = "policycheck/services/v1";

    public static void Write(ServicesReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        JsonText.WriteDocument(output, json =>
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            NetworkPluginText.WriteJson(json, report.Plugin);
            json.WriteStartArray("services");
            foreach (var summary in report.Services)
                WriteService(json, summary);
            json.WriteEndArray();
            if (report.Dns is { } dns)
                WriteDns(json, dns);
            json.WriteEndObject();
        });
    }

    private static void WriteService(Utf8JsonWriter json, ServiceSummary summary)
    {
        var service = summary.Service;
        json.WriteStartObject();
        json.WriteString("id", summary.Id);
        json.WriteString("namespace", service.Namespace);
        json.WriteString("name", service.Name);
        json.WriteString("type", service.Type.ToString());
        json.WriteBoolean("headless", service.IsHeadless);
        if (service.ClusterIp is { Length: > 0 } ip)
            json.WriteString("clusterIP", ip);
        if (service.ExternalName is { } externalName)
            json.WriteString("externalName", externalName);
        if (service.Type is ServiceType.NodePort or ServiceType.LoadBalancer)
            json.WriteString("externalTrafficPolicy", service.ExternalTrafficPolicy ?? "Cluster");
        if (service.Selector is { Count: > 0 } selector)
        {
            json.WriteStartObject("selector");
            foreach (var (key, value) in selector)
                json.WriteString(key, value);
            json.WriteEndObject();
        }

        json.WriteString("endpoints", summary.Endpoints.Source switch
        {
            EndpointsSource.Selector => "selector",
            EndpointsSource.Manual => "manual",
            _ => "none",
        });
        JsonText.WriteStrings(json, "backends", summary.Endpoints.Backends.Select(b => b.Id));
        JsonText.WriteStrings(json, "dns", summary.DnsNames);
        JsonText.WriteStrings(json, "srv", summary.SrvNames);
        if (!summary.PodNames.IsEmpty)
        {
            json.WriteStartArray("podDns");
            foreach (var pod in summary.PodNames)
            {
                json.WriteStartObject();
                json.WriteString("workload", pod.Workload);
                if (pod.Name is { } name)
                    json.WriteString("name", name);
                else
                    json.WriteNull("name");
                json.WriteString("basis", pod.Basis);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteStartArray("ports");
        foreach (var port in summary.Ports)
            WritePort(json, port);
        json.WriteEndArray();
        JsonText.WriteStrings(json, "notes", summary.Notes);
        json.WriteEndObject();
    }

    private static void WritePort(Utf8JsonWriter json, ServicePortSummary port)
    {
        json.WriteStartObject();
        if (port.Port.Name is { } name)
            json.WriteString("name", name);
        json.WriteString("protocol", port.Port.Protocol.ToApiString());
        json.WriteNumber("port", port.Port.Port);
        json.WriteString("targetPort", port.Port.EffectiveTargetPort.ToString());
        if (port.NodePort is { } nodePort)
            json.WriteString("nodePort", nodePort);
        json.WriteStartArray("targets");
        foreach (var target in port.Targets)
        {
            json.WriteStartObject();
            json.WriteString("backend", target.Backend.Id);
            if (target.Target.Number is { } number)
                json.WriteNumber("port", number);
            else
                json.WriteString("problem", target.Target.Problem);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("reachedBy");
        foreach (var verdict in port.Verdicts)
        {
            if (!ServiceClients.IsClient(verdict) && !ServiceClients.MayBeClient(verdict))
                continue;
            json.WriteStartObject();
            json.WriteString("client", verdict.Client.Id);
            json.WriteString("coverage", ServiceReachText.Coverage(verdict.Coverage));
            json.WriteNumber("reached", verdict.Reached);
            json.WriteNumber("endpoints", verdict.Endpoints);
            if (verdict.Uncertain > 0)
                json.WriteNumber("dependsOnNodeAddresses", verdict.Uncertain);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteDns(Utf8JsonWriter json, ClusterDnsAssessment dns)
    {
        json.WriteStartObject("clusterDns");
        json.WriteString("service", $"{dns.Service.Namespace}/{dns.Service.Name}");
        if (dns.Assumed is { } assumed)
            json.WriteString("assumed", assumed);
        json.WriteStartArray("workloads");
        foreach (var workload in dns.Workloads)
        {
            json.WriteStartObject();
            json.WriteString("id", workload.Workload.Id);
            json.WriteString("udp", ServiceReachText.Coverage(workload.Udp));
            json.WriteString("tcp", ServiceReachText.Coverage(workload.Tcp));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
