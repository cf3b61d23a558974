using System.Net;
using System.Net.Sockets;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// An egress <c>ipBlock</c> (its <c>cidr</c> minus its <c>except</c> ranges) that contains the clusterIP of a
/// Service of the inputs. Connections to a clusterIP are rewritten to a backend's address and targetPort, and
/// whether the policy sees the address before or after that is up to the plugin, so such a block is an unreliable
/// way to allow (or to carve out) a Service. Headless services (<c>None</c>), services without a clusterIP in the
/// inputs and blocks for the whole address space (<c>/0</c>, "anywhere") are not judged, nor are blocks wider than a
/// /12 (IPv4) or a /48 (IPv6), such as a company network 10.0.0.0/8 that holds the Service range only because both
/// are private ranges. Only policies that affect
/// egress are judged.
/// </summary>
public sealed class IpBlockCoversServiceIp : LintRule
{
    /// <summary>The widest IPv4 block judged: a /12, the usual size of a cluster's Service range (10.96.0.0/12).</summary>
    public const int WidestIpv4Prefix = 12;

    /// <summary>The widest IPv6 block judged: a /48.</summary>
    public const int WidestIpv6Prefix = 48;

    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.IpBlockCoversServiceIp,
        Name: nameof(IpBlockCoversServiceIp),
        Title: "Egress ipBlock contains a Service clusterIP",
        MessageFormat: "NetworkPolicy '{0}' allows egress to ipBlock '{1}', which contains the clusterIP {2} of " +
                       "Service '{3}'{4}; connections to it are rewritten to a backend's address and targetPort before " +
                       "or after the policy applies, depending on the plugin, so {5}.",
        Category: RuleCategory.Security,
        DefaultSeverity: Severity.Warning);

    public override RuleMetadata Metadata { get; } = RuleMetadata.Security(3.0);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = new List<(Service Service, IPAddress ClusterIp)>();
        foreach (var service in context.Cluster.Services)
        {
            if (service.Type != ServiceType.ExternalName && !service.IsHeadless &&
                IPAddress.TryParse(service.ClusterIp, out var address))
                services.Add((service, address));
        }

        if (services.Count == 0)
            return;
        foreach (var policy in context.Cluster.Policies)
        {
            if (!policy.AffectsEgress)
                continue;
            foreach (var rule in policy.Rules(Direction.Egress))
            {
                foreach (var peer in rule.Peers ?? [])
                {
                    if (peer.IpBlock is not { Cidr.PrefixLength: > 0 } block || block.Cidr.PrefixLength <
                        (block.Cidr.Family == AddressFamily.InterNetwork ? WidestIpv4Prefix : WidestIpv6Prefix))
                        continue;
                    var inside = services.Where(s => block.Contains(s.ClusterIp)).ToList();
                    if (inside.Count == 0)
                        continue;
                    var (first, address) = inside[0];
                    var more = inside.Count > 1 ? $" (and of {inside.Count - 1} more Services)" : string.Empty;
                    var advice = first.Selector is { Count: > 0 }
                        ? "allow the Service's backend pods with a namespaceSelector and podSelector on the targetPort instead"
                        : "allow the addresses of the Service's endpoints on their ports instead";
                    context.Report(Descriptor, block.Span, [.. inside.Select(s => s.Service.ClusterIpSpan ?? s.Service.Span)],
                        policy.Name, block.Cidr.Text, address, $"{first.Namespace}/{first.Name}", more, advice);
                }
            }
        }
    }
}
