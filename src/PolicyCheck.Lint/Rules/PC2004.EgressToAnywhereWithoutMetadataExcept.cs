using System.Net;
using System.Net.Sockets;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// An egress <c>ipBlock</c> peer for the whole address space of a family (<c>0.0.0.0/0</c> or <c>::/0</c>) that
/// still contains the cloud instance metadata address of that family, because no <c>except</c> covers it. Only
/// policies that affect egress are judged; rules they ignore are PC1004's.
/// </summary>
public sealed class EgressToAnywhereWithoutMetadataExcept : LintRule
{
    private static readonly IPAddress MetadataV4 = IPAddress.Parse("169.254.169.254");
    private static readonly IPAddress MetadataV6 = IPAddress.Parse("fd00:ec2::254");

    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.EgressToAnywhereWithoutMetadataExcept,
        Name: nameof(EgressToAnywhereWithoutMetadataExcept),
        Title: "Egress to anywhere includes the cloud metadata address",
        MessageFormat: "NetworkPolicy '{0}' allows egress to ipBlock '{1}' without an except covering the cloud " +
                       "metadata address {2}; add '{3}' to except unless the pods need instance metadata.",
        Category: RuleCategory.Security,
        DefaultSeverity: Severity.Note);

    public override RuleMetadata Metadata { get; } = RuleMetadata.Security(4.0);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var policy in context.Cluster.Policies)
        {
            if (!policy.AffectsEgress)
                continue;
            foreach (var rule in policy.Rules(Direction.Egress))
            {
                foreach (var peer in rule.Peers ?? [])
                {
                    if (peer.IpBlock is not { Cidr.PrefixLength: 0 } block)
                        continue;
                    var metadata = block.Cidr.Family == AddressFamily.InterNetwork ? MetadataV4 : MetadataV6;
                    if (block.Contains(metadata))
                        context.Report(Descriptor, peer.Span, policy.Name, block.Cidr.Text, metadata, SingleAddress(metadata));
                }
            }
        }
    }

    private static string SingleAddress(IPAddress address) =>
        $"{address}/{(address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128)}";
}
