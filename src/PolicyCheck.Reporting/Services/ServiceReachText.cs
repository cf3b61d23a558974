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

    /// <summary>
    /// <c>80/TCP</c> or <c>http 80/TCP</c>, as <see cref="ServicePortSummary.Label"/>, but with the name quoted when it
    /// is not a plain IANA service name (<see cref="PortName"/>).
    /// </summary>
    public static string Label(ServicePortSummary port) =>
        (port.Port.Name is { } name ? PortName(name) + " " : string.Empty) +
        port.Port.Port.ToString(CultureInfo.InvariantCulture) + "/" + port.Port.Protocol.ToApiString();

    /// <summary>
    /// A port name as written, or in single quotes (<c>'8001-8000'</c>) when it is not shaped like an IANA service
    /// name (lower-case letters, digits and inner hyphens, with at least one letter): such a name could be read as a
    /// port number or range next to the real number (<c>port 8001-8000 8001/TCP</c>), or run into the text around it.
    /// </summary>
    public static string PortName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var plain = name.Length > 0 && name[0] != '-' && name[^1] != '-' && name.Any(char.IsAsciiLetterLower) &&
                    name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
        return plain ? name : $"'{name}'";
    }

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
