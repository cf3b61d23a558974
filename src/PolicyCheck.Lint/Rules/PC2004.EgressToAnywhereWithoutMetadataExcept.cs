using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;
using PolicyCheck.Lint.Settings;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// An egress <c>ipBlock</c> peer for the whole address space of a family (<c>0.0.0.0/0</c> or <c>::/0</c>) that
/// still contains the cloud instance metadata address of that family, because no <c>except</c> covers it; and an
/// egress rule with neither <c>to</c> nor <c>ports</c> (<c>egress: [{}]</c>, or an empty <c>to: []</c>, which the API
/// treats the same), which allows every address and so at least as much as <c>0.0.0.0/0</c>. A rule without
/// <c>to</c> but with ports is PC2007's. Only policies that affect egress are judged; rules they ignore are PC1004's.
/// </summary>
public sealed class EgressToAnywhereWithoutMetadataExcept : LintRule
{
    /// <summary>The instance metadata addresses to keep out of reach; per family, the first one not excepted is reported.</summary>
    public static readonly RuleParameter<ImmutableArray<IPAddress>> MetadataAddresses = RuleParameter.Addresses(
        "metadata-addresses",
        "The cloud instance metadata addresses an egress to anywhere must except; a list replaces the default.",
        [IPAddress.Parse("169.254.169.254"), IPAddress.Parse("fd00:ec2::254")]);

    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.EgressToAnywhereWithoutMetadataExcept,
        Name: nameof(EgressToAnywhereWithoutMetadataExcept),
        Title: "Egress to anywhere includes the cloud metadata address",
        MessageFormat: "NetworkPolicy '{0}' allows egress to ipBlock '{1}' without an except covering the cloud " +
                       "metadata address {2}; add '{3}' to except unless the pods need instance metadata.",
        Category: RuleCategory.Security,
        DefaultSeverity: Severity.Note);

    public override RuleMetadata Metadata { get; } = RuleMetadata.Security(4.0);

    public override ImmutableArray<RuleParameter> Parameters { get; } = [MetadataAddresses];

    /// <summary>A rule with no peers and no ports: egress to every address, the metadata address included.</summary>
    private DiagnosticDescriptor AllowAll => Descriptor with
    {
        MessageFormat = "NetworkPolicy '{0}' egress rule #{1} has no to and no ports, so it allows egress to every " +
                        "address, the cloud metadata address {2} included; list the destinations in to, or write an " +
                        "ipBlock '{3}' with '{4}' in except if the pods need the internet.",
    };

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var addresses = context.Parameter(MetadataAddresses);
        var allowAll = AllowAll;
        foreach (var policy in context.Cluster.Policies)
        {
            if (!policy.AffectsEgress)
                continue;
            foreach (var rule in policy.Rules(Direction.Egress))
            {
                if (rule.MatchesAllPeers && rule.MatchesAllPorts && addresses.Length > 0)
                {
                    var metadata = addresses[0];
                    var everything = metadata.AddressFamily == AddressFamily.InterNetwork ? "0.0.0.0/0" : "::/0";
                    context.Report(allowAll, rule.Span, policy.Name, rule.Number, metadata, everything, SingleAddress(metadata));
                    continue;
                }

                foreach (var peer in rule.Peers ?? [])
                {
                    if (peer.IpBlock is not { Cidr.PrefixLength: 0 } block)
                        continue;
                    var family = block.Cidr.Family;
                    if (addresses.FirstOrDefault(a => a.AddressFamily == family && block.Contains(a)) is { } metadata)
                        context.Report(Descriptor, peer.Span, policy.Name, block.Cidr.Text, metadata, SingleAddress(metadata));
                }
            }
        }
    }

    private static string SingleAddress(IPAddress address) =>
        $"{address}/{(address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128)}";
}
