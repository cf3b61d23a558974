using System.Collections.Immutable;
using System.Net;

namespace PolicyCheck.Core.Model;

/// <summary>An <c>ipBlock</c> peer: addresses inside <paramref name="Cidr"/> and outside every <paramref name="Except"/>.</summary>
public sealed record IpBlock(IpCidr Cidr, ImmutableArray<IpCidr> Except, SourceSpan Span)
{
    public bool Contains(IPAddress address)
    {
        if (!Cidr.Contains(address))
            return false;
        foreach (var except in Except)
        {
            if (except.Contains(address))
                return false;
        }

        return true;
    }
}
