using System.Net;
using System.Net.Sockets;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Manifests.Syntax;

/// <summary>
/// Pod and endpoint IPs, read exactly as CIDRs are (<see cref="IpCidr.TryParse"/>): IPv4 as four decimal parts
/// (no hex, no octal reading, no shorthand such as <c>10.1</c>), IPv6 without a zone.
/// </summary>
internal static class StrictIp
{
    public static IPAddress? Parse(string text)
    {
        if (text.Contains('/', StringComparison.Ordinal))
            return null;
        var prefix = text.Contains(':', StringComparison.Ordinal) ? 128 : 32;
        return IpCidr.TryParse($"{text}/{prefix}", out var cidr) && (prefix == 32) == (cidr.Family == AddressFamily.InterNetwork)
            ? cidr.Network.BaseAddress
            : null;
    }
}
