using System.Globalization;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;

namespace PolicyCheck.Reporting.Services;

/// <summary>Short texts shared by the service writers.</summary>
internal static class ServiceReachText
{
    /// <summary><c>all</c>, <c>k/n</c>, <c>none</c>, <c>none?</c> (depends on node addresses) or <c>-</c> (no endpoints).</summary>
    public static string Cell(ServiceVerdict verdict) => verdict.Coverage switch
    {
        ServiceCoverage.NoEndpoints => "-",
        ServiceCoverage.All => "all",
        ServiceCoverage.Some => string.Create(CultureInfo.InvariantCulture, $"{verdict.Reached}/{verdict.Endpoints}"),
        _ when verdict.Uncertain > 0 => "none?",
        _ => "none",
    };

    public static string Coverage(ServiceCoverage coverage) => coverage switch
    {
        ServiceCoverage.All => "all",
        ServiceCoverage.Some => "some",
        ServiceCoverage.None => "none",
        _ => "no-endpoints",
    };

    public static string Outcome(BackendOutcome outcome) => outcome switch
    {
        BackendOutcome.Allowed => "allowed",
        BackendOutcome.Denied => "denied",
        BackendOutcome.DependsOnNodeAddresses => "depends-on-node-addresses",
        _ => "target-port-unresolved",
    };

    /// <summary><c>80/TCP</c>, <c>http 80/TCP</c> or <c>'8001-8000' 8001/TCP</c>: <see cref="ServicePort.Label"/>.</summary>
    public static string Label(ServicePortSummary port)
    {
        ArgumentNullException.ThrowIfNull(port);
        return port.Port.Label;
    }

    /// <summary>A port name as <see cref="ServicePort.QuoteName"/> prints it next to numbers.</summary>
    public static string PortName(string name) => ServicePort.QuoteName(name);

    /// <summary>A targetPort: the number, or the name as <see cref="PortName"/> writes it.</summary>
    public static string TargetPort(PortValue target) =>
        target.Name is { } name ? PortName(name) : target.ToString();

    /// <summary><c>80/TCP → 9376</c>, <c>80/TCP → http (8080 on a, 9090 on b)</c>, <c>80/TCP → http (unresolved)</c>.</summary>
    public static string PortMapping(ServicePortSummary port)
    {
        var target = port.Port.EffectiveTargetPort;
        var text = $"{Label(port)} → ";
        if (!target.IsNamed)
            text += target.ToString();
        else
        {
            var numbers = port.TargetNumbers;
            var detail = numbers.Length switch
            {
                0 when port.Targets.IsEmpty => "no backends",
                0 => "unresolved",
                1 when port.Targets.All(t => t.Target.IsResolved) => numbers[0].ToString(CultureInfo.InvariantCulture),
                _ => string.Join(", ", port.Targets.Select(t => $"{t.Target.Number?.ToString(CultureInfo.InvariantCulture) ?? "unresolved"} on {t.Backend.Id}")),
            };
            text += $"{TargetPort(target)} ({detail})";
        }

        return port.NodePort is null ? text : $"{text}, node port {port.NodePort}";
    }
}
