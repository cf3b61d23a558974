using System.Net;
using System.Net.Sockets;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// An <c>ipBlock</c> whose <c>cidr</c> is wider than <see cref="WidestIpv4Prefix"/> (IPv4) or
/// <see cref="WidestIpv6Prefix"/> (IPv6) without being the whole address space: such a range is a large slice of
/// the internet, usually a typo or a hand-made "almost anywhere" (<c>0.0.0.0/1</c> plus <c>128.0.0.0/1</c>) that
/// hides the intent from reviewers and from checks of <c>0.0.0.0/0</c> such as PC2004. The cidr alone is judged:
/// excepts carve holes but do not make the allowed range a deliberate one. Only rules of a direction the policy
/// applies to are judged. IPv6 unique local (fc00::/7) and link-local (fe80::/10) blocks, the counterparts of the
/// private IPv4 ranges, are not reported. The prefixes are constants until lint profiles can set them.
/// </summary>
public sealed class WideIpBlock : LintRule
{
    /// <summary>The widest IPv4 prefix accepted: a <c>/8</c> (16.7 million addresses, one private range).</summary>
    public const int WidestIpv4Prefix = 8;

    /// <summary>The widest IPv6 prefix accepted: a <c>/32</c>, a typical provider allocation.</summary>
    public const int WidestIpv6Prefix = 32;

    /// <summary>
    /// IPv6 special-purpose blocks wider than a /32 that are the counterparts of IPv4's private and link-local
    /// ranges, not slices of the internet: unique local addresses (fc00::/7, RFC 4193) and link-local (fe80::/10).
    /// </summary>
    private static readonly List<IPNetwork> PrivateIpv6 = [IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10")];

    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.WideIpBlock,
        Name: nameof(WideIpBlock),
        Title: "ipBlock range is very wide",
        MessageFormat: "NetworkPolicy '{0}' allows {1} ipBlock '{2}', which is wider than a /{3}; list the narrower " +
                       "ranges the pods really need, or write '{4}' if every address is meant.",
        Category: RuleCategory.Security,
        DefaultSeverity: Severity.Note);

    public override RuleMetadata Metadata { get; } = RuleMetadata.Security(3.0);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var policy in context.Cluster.Policies)
        {
            foreach (var direction in (ReadOnlySpan<Direction>)[Direction.Ingress, Direction.Egress])
            {
                if (!policy.Affects(direction))
                    continue;
                foreach (var rule in policy.Rules(direction))
                {
                    foreach (var peer in rule.Peers ?? [])
                    {
                        if (peer.IpBlock is not { } block || block.Cidr.PrefixLength == 0)
                            continue;
                        var ipv4 = block.Cidr.Family == AddressFamily.InterNetwork;
                        var widest = ipv4 ? WidestIpv4Prefix : WidestIpv6Prefix;
                        if (block.Cidr.PrefixLength >= widest || (!ipv4 && PrivateIpv6.Exists(n => n.Contains(block.Cidr.Network.BaseAddress) &&
                                                                                                   block.Cidr.PrefixLength >= n.PrefixLength)))
                            continue;
                        var way = direction == Direction.Ingress ? "ingress from" : "egress to";
                        context.Report(Descriptor, block.Span, policy.Name, way, block.Cidr.Text, widest, ipv4 ? "0.0.0.0/0" : "::/0");
                    }
                }
            }
        }
    }
}
