using System.Net;
using System.Net.Sockets;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// An egress ipBlock that holds the written cluster IP of a Service, in a block no wider than the default service
/// range (/12 for IPv4, /108 for IPv6), so it is aimed at Service addresses rather than at a wide outside network.
/// Whether policies see the cluster IP or the backend address after translation is not defined (most
/// implementations translate first), so such a rule is not portable and usually allows nothing.
/// </summary>
public sealed class IpBlockTargetsClusterIp : LintRule
{
    private const int WidestIPv4Prefix = 12;
    private const int WidestIPv6Prefix = 108;

    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.IpBlockTargetsClusterIp,
        Name: nameof(IpBlockTargetsClusterIp),
        Title: "Egress ipBlock aimed at a Service cluster IP",
        MessageFormat: "NetworkPolicy '{0}' allows egress to ipBlock '{1}', which holds cluster IP {2} of Service " +
                       "'{3}'; connections to a cluster IP are usually translated to a backend address before policies " +
                       "see them, so allow the Service's backend pods (by selector, on the targetPort) or the " +
                       "addresses it sends to instead.",
        Category: RuleCategory.Services,
        DefaultSeverity: Severity.Warning);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var clusterIps = new List<(Service Service, IPAddress Address)>();
        foreach (var service in context.Cluster.Services)
        {
            if (service.Type != ServiceType.ExternalName && !service.IsHeadless && IPAddress.TryParse(service.ClusterIp, out var address))
                clusterIps.Add((service, address));
        }

        if (clusterIps.Count == 0)
            return;
        foreach (var policy in context.Cluster.Policies)
        {
            foreach (var rule in policy.Rules(Direction.Egress))
            {
                foreach (var peer in rule.Peers ?? [])
                {
                    if (peer.IpBlock is not { } block || !IsNarrow(block.Cidr))
                        continue;
                    var hit = clusterIps.FirstOrDefault(c => block.Contains(c.Address));
                    if (hit.Service is null)
                        continue;
                    context.Report(Descriptor, block.Span, [hit.Service.ClusterIpSpan ?? hit.Service.Span],
                        policy.Name, block.Cidr.Text, hit.Address, $"{hit.Service.Namespace}/{hit.Service.Name}");
                }
            }
        }
    }

    private static bool IsNarrow(IpCidr cidr) =>
        cidr.PrefixLength >= (cidr.Family == AddressFamily.InterNetworkV6 ? WidestIPv6Prefix : WidestIPv4Prefix);
}
