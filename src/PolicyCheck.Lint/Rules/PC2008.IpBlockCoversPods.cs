using System.Net;
using System.Net.Sockets;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// An <c>ipBlock</c> (its <c>cidr</c> minus its <c>except</c> ranges) that contains known pod IPs
/// (<see cref="Workload.PodIps"/>, from live pods' <c>status.podIPs</c>). Pod IPs change when pods are recreated, and
/// whether an ipBlock matches pod traffic at all is up to the plugin, so pods are better named by selectors. Blocks
/// wider than a /16 (IPv4) or a /48 (IPv6), such as a company network 10.0.0.0/8 that holds the pod network only
/// because both are private ranges, are about outside hosts and are not judged, nor are blocks
/// for the whole address space (<c>/0</c>, "anywhere", see PC2004 and PC2013) and hostNetwork pods (whose IP is the
/// node's, which no selector can name) are not judged. Pod IPs are kept sorted, so each block costs a binary search.
/// </summary>
public sealed class IpBlockCoversPods : LintRule
{
    /// <summary>The widest IPv4 block judged: a /16, the usual size of a whole cluster's pod network.</summary>
    public const int WidestIpv4Prefix = 16;

    /// <summary>The widest IPv6 block judged: a /48.</summary>
    public const int WidestIpv6Prefix = 48;

    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.IpBlockCoversPods,
        Name: nameof(IpBlockCoversPods),
        Title: "ipBlock contains pod IPs",
        MessageFormat: "NetworkPolicy '{0}' has ipBlock '{1}' containing pod IP {2} of {3} '{4}'{5}, and pod IPs " +
                       "change whenever pods are recreated; {6}, so name those pods with a podSelector or " +
                       "namespaceSelector instead.",
        Category: RuleCategory.Security,
        DefaultSeverity: Severity.Warning);

    public override RuleMetadata Metadata { get; } = RuleMetadata.Security(4.0);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pods = context.Cluster.Workloads
            .Where(w => !w.HostNetwork)
            .SelectMany(w => w.PodIps.Select(ip => new PodAddress(IpInterval.ToNumber(ip), ip, w)))
            .OrderBy(p => p.Address.AddressFamily)
            .ThenBy(p => p.Key)
            .ToArray();
        if (pods.Length == 0)
            return;
        var options = context.Options;
        var fromProfile = EvaluationOptions.For(options.Profile).IpBlockPods == options.IpBlockPods;
        var setting = NetworkPluginNames.Setting(options, "--ipblock-pods", options.IpBlockPods.ToName(), fromProfile);
        var consequence = options.IpBlockPods == IpBlockPodMatching.Match
            ? $"the evaluation matches such pods by IP ({setting}) as most plugins do, though not all"
            : $"the evaluation does not match such pods ({setting}) as some plugins do not, though most do";
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
                        if (peer.IpBlock is not { Cidr.PrefixLength: > 0 } block || block.Cidr.PrefixLength <
                            (block.Cidr.Family == AddressFamily.InterNetwork ? WidestIpv4Prefix : WidestIpv6Prefix))
                            continue;
                        var inside = Inside(pods, block);
                        if (inside.Count == 0)
                            continue;
                        var workloads = Workloads(inside);
                        var more = workloads.Count > 1 ? $" (and pods of {workloads.Count - 1} more workloads)" : string.Empty;
                        context.Report(Descriptor, block.Span, [.. workloads.Select(w => w.Span)],
                            policy.Name, block.Cidr.Text, inside[0].Address, workloads[0].Kind, workloads[0].Name, more, consequence);
                    }
                }
            }
        }
    }

    /// <summary>The pod addresses inside the block's cidr and outside its excepts, in address order.</summary>
    private static List<PodAddress> Inside(PodAddress[] pods, IpBlock block)
    {
        var family = block.Cidr.Family;
        var (_, first, last) = IpInterval.FromCidr(block.Cidr);
        var lo = 0;
        var hi = pods.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            var p = pods[mid];
            if (p.Address.AddressFamily < family || (p.Address.AddressFamily == family && p.Key < first))
                lo = mid + 1;
            else
                hi = mid;
        }

        var result = new List<PodAddress>();
        for (var i = lo; i < pods.Length && pods[i].Address.AddressFamily == family && pods[i].Key <= last; i++)
        {
            if (block.Contains(pods[i].Address))
                result.Add(pods[i]);
        }

        return result;
    }

    /// <summary>The workloads of <paramref name="inside"/>, each once, in order of their first address.</summary>
    private static List<Workload> Workloads(List<PodAddress> inside)
    {
        var seen = new HashSet<Workload>(ReferenceEqualityComparer.Instance);
        return [.. inside.Select(p => p.Workload).Where(seen.Add)];
    }

    private readonly record struct PodAddress(UInt128 Key, IPAddress Address, Workload Workload);
}
