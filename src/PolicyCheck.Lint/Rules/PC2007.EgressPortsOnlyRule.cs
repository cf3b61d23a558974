using System.Globalization;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// An egress rule that lists <c>ports</c> but no <c>to</c> (or an empty one): it allows those ports to every
/// destination, pods of every namespace and every outside address. Only entries that can match an outside address
/// count (numbers, ranges and whole protocols): a named port resolves only on destination pods, so a rule of named
/// ports alone reaches no outside address. A rule of DNS ports alone (53 over UDP and TCP) is the usual "allow DNS"
/// recipe and is not reported: the cluster DNS forwards to outside resolvers anyway, so naming it in <c>to</c> would
/// not keep data from leaving through DNS. Only policies that affect egress are judged; ignored rules are PC1004's.
/// </summary>
public sealed class EgressPortsOnlyRule : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.EgressPortsOnlyRule,
        Name: nameof(EgressPortsOnlyRule),
        Title: "Egress rule with ports but no destinations",
        MessageFormat: "NetworkPolicy '{0}' egress rule #{1} lists ports ({2}) but no to, so it allows them to every " +
                       "destination, pods of every namespace and every outside address; add a to with the intended " +
                       "peers (an ipBlock for an address such as the API server's, a selector for pods).",
        Category: RuleCategory.Security,
        DefaultSeverity: Severity.Warning);

    public override RuleMetadata Metadata { get; } = RuleMetadata.Security(5.0);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var policy in context.Cluster.Policies)
        {
            if (!policy.AffectsEgress)
                continue;
            foreach (var rule in policy.Rules(Direction.Egress))
            {
                if (!rule.MatchesAllPeers || rule.Ports is not { Length: > 0 } ports)
                    continue;
                var open = ports.Where(p => p.Port is not { IsNamed: true }).ToList();
                if (open.Count > 0 && !open.TrueForAll(IsDns))
                    context.Report(Descriptor, rule.Span, policy.Name, rule.Number, string.Join(", ", open.Select(Describe).Distinct(StringComparer.Ordinal)));
            }
        }
    }

    /// <summary>Port 53 over UDP or TCP alone: the "allow DNS to any resolver" recipe.</summary>
    private static bool IsDns(PolicyPort port) =>
        port is { Port.Number: 53, EndPort: null or 53 } && port.EffectiveProtocol is Protocol.Udp or Protocol.Tcp;

    private static string Describe(PolicyPort port)
    {
        var protocol = port.EffectiveProtocol.ToApiString();
        return port.Port?.Number switch
        {
            null => $"{protocol} all ports",
            { } first when port.EndPort is { } last => string.Create(CultureInfo.InvariantCulture, $"{protocol} {first}-{last}"),
            { } single => string.Create(CultureInfo.InvariantCulture, $"{protocol} {single}"),
        };
    }
}
