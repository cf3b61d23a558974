using System.Collections.Frozen;
using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;
using PolicyCheck.Lint.Settings;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// A <c>ports</c> entry without <c>protocol</c>, so TCP, on a single numeric port that is usually served over UDP.
/// When the same rule also lists that port with <c>protocol: UDP</c>, the omitted protocol is taken as the TCP half
/// of a deliberate pair and left alone. A named port whose destinations define it only over UDP is PC1005's.
/// </summary>
public sealed class ProtocolOmittedOnUdpPort : LintRule
{
    private static readonly FrozenDictionary<int, string> UdpServices = new Dictionary<int, string>
    {
        [53] = "DNS",
        [67] = "DHCP",
        [68] = "DHCP",
        [69] = "TFTP",
        [123] = "NTP",
        [161] = "SNMP",
        [162] = "SNMP traps",
        [514] = "syslog",
        [1812] = "RADIUS",
        [1813] = "RADIUS accounting",
        [4789] = "VXLAN",
        [5353] = "mDNS",
    }.ToFrozenDictionary();

    /// <summary>The ports judged; a port without a known service name is described as "served" over UDP.</summary>
    public static readonly RuleParameter<ImmutableArray<int>> UdpPorts = RuleParameter.Ports(
        "udp-ports",
        "The ports usually served over UDP; a list replaces the default.",
        [.. UdpServices.Keys.Order()]);

    public override ImmutableArray<RuleParameter> Parameters { get; } = [UdpPorts];

    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.ProtocolOmittedOnUdpPort,
        Name: nameof(ProtocolOmittedOnUdpPort),
        Title: "Protocol omitted on a port usually served over UDP",
        MessageFormat: "NetworkPolicy '{0}' allows port {1} without a protocol, so TCP applies, but port {1} is " +
                       "usually {2} over UDP; write 'protocol: UDP', and keep a TCP entry too if both are meant.",
        Category: RuleCategory.Correctness,
        DefaultSeverity: Severity.Warning);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var udpPorts = context.Parameter(UdpPorts).ToHashSet();
        foreach (var policy in context.Cluster.Policies)
        {
            foreach (var rule in policy.Rules(Direction.Ingress).Concat(policy.Rules(Direction.Egress)))
            {
                if (rule.Ports is not { Length: > 0 } ports)
                    continue;
                foreach (var port in ports)
                {
                    if (port is not { Protocol: null, EndPort: null, Port.Number: { } number } ||
                        !udpPorts.Contains(number) ||
                        ports.Any(p => p is { Protocol: Protocol.Udp, EndPort: null } && p.Port?.Number == number))
                        continue;
                    context.Report(Descriptor, port.Span, policy.Name, number, UdpServices.GetValueOrDefault(number, "served"));
                }
            }
        }
    }
}
