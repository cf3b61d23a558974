using System.Net;

namespace PolicyCheck.Core.Engine;

/// <summary>An inclusive range of addresses of one family, written <c>first-last</c>.</summary>
public readonly record struct IpRange(IPAddress First, IPAddress Last)
{
    public override string ToString() => $"{First}-{Last}";
}
