using System.Net.Sockets;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// An ipBlock <c>cidr</c> or <c>except</c> written in a form the API server accepts only for compatibility: host
/// bits set (<c>10.0.0.1/24</c>), IPv4 octets with leading zeros, an IPv4-mapped IPv6 address, or IPv6 text other
/// than the canonical lowercase compressed form. The loader reads such values as Go's legacy parser does (PC0029
/// rejects only what the API server rejects); this rule reports each at its ipBlock with the canonical value.
/// </summary>
public sealed class NonCanonicalCidr : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.NonCanonicalCidr,
        Name: nameof(NonCanonicalCidr),
        Title: "ipBlock CIDR is not canonical",
        MessageFormat: "NetworkPolicy '{0}' has ipBlock {1} '{2}', which {3}; write '{4}', as newer API servers " +
                       "warn about or reject non-canonical CIDRs.",
        Category: RuleCategory.Correctness,
        DefaultSeverity: Severity.Warning);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var list in context.PeerLists())
        {
            foreach (var peer in list.Peers)
            {
                if (peer.IpBlock is not { } block)
                    continue;
                var span = block.Span.IsNone ? peer.Span : block.Span;
                foreach (var (field, cidr) in block.Except.Select(e => ("except", e)).Prepend(("cidr", block.Cidr)))
                {
                    if (Problem(cidr) is { } problem)
                        context.Report(Descriptor, span, list.Policy.Name, field, cidr.Text, problem, Canonical(cidr));
                }
            }
        }
    }

    /// <summary>What is not canonical about <paramref name="cidr"/>, or null when it is canonical.</summary>
    private static string? Problem(IpCidr cidr)
    {
        var address = cidr.Network.BaseAddress;
        var addressText = cidr.Text[..cidr.Text.IndexOf('/', StringComparison.Ordinal)];
        if (address.IsIPv4MappedToIPv6)
            return "is an IPv4-mapped IPv6 address";
        if (address.AddressFamily == AddressFamily.InterNetwork && addressText.Split('.').Any(p => p.Length > 1 && p[0] == '0'))
            return "has leading zeros, which some parsers read as octal";
        if (!cidr.IsCanonical)
            return $"has host bits set beyond the /{cidr.PrefixLength} prefix, which the network address ignores";
        return cidr.Text == Canonical(cidr) ? null : "is not written in the canonical form";
    }

    private static string Canonical(IpCidr cidr)
    {
        var address = cidr.Network.BaseAddress;
        if (address.IsIPv4MappedToIPv6 && cidr.PrefixLength >= 96)
            return $"{address.MapToIPv4()}/{cidr.PrefixLength - 96}";
        return $"{address}/{cidr.PrefixLength}";
    }
}
