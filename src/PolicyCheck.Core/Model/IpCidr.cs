using System.Net;
using System.Net.Sockets;

namespace PolicyCheck.Core.Model;

/// <summary>
/// A CIDR as written (<paramref name="Text"/>) and as the API server reads it: like Go's <c>net.ParseCIDR</c>, host
/// bits are allowed in legacy fields and masked off, so <c>10.0.0.1/24</c> is the network <c>10.0.0.0/24</c>.
/// </summary>
public readonly record struct IpCidr(string Text, IPNetwork Network, bool IsCanonical)
{
    private static readonly System.Buffers.SearchValues<char> DecimalDotted = System.Buffers.SearchValues.Create("0123456789.");

    public AddressFamily Family => Network.BaseAddress.AddressFamily;

    public int PrefixLength => Network.PrefixLength;

    /// <summary>Parses <c>address/prefix</c>; the address must be IPv4 dotted-quad or IPv6, the prefix in range.</summary>
    public static bool TryParse(string? text, out IpCidr cidr)
    {
        cidr = default;
        if (string.IsNullOrEmpty(text))
            return false;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == text.Length - 1)
            return false;
        var addressText = text.AsSpan(0, slash);
        var prefixText = text.AsSpan(slash + 1);
        if (prefixText.Length > 3 || prefixText.ContainsAnyExceptInRange('0', '9') ||
            !int.TryParse(prefixText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix))
            return false;
        // The API server reads IPv4 with Go's pre-1.17 parser: decimal digits only, leading zeros read as decimal
        // ("010" is 10). IPAddress.TryParse would read "010" as octal and accept hex ("0x0a"), so it gets the
        // zero-trimmed decimal text instead.
        var isIpv4Text = !addressText.Contains(':');
        if (isIpv4Text && addressText.ContainsAnyExcept(DecimalDotted))
            return false;
        var parseText = isIpv4Text && HasLeadingZeros(addressText) ? TrimLeadingZeros(addressText) : addressText.ToString();
        if (!IPAddress.TryParse(parseText, out var address) || addressText.Contains('%'))
            return false;
        // IPAddress.TryParse accepts shorthand such as "10.1" for IPv4; Kubernetes accepts only four dotted parts.
        if (address.AddressFamily == AddressFamily.InterNetwork && addressText.Count('.') != 3)
            return false;
        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (prefix > bits)
            return false;
        var masked = Mask(address, prefix);
        var canonical = masked.Equals(address) && !HasLeadingZeros(addressText) && !address.IsIPv4MappedToIPv6;
        cidr = new IpCidr(text, new IPNetwork(masked, prefix), canonical);
        return true;
    }

    public bool Contains(IPAddress address) => Network.Contains(address);

    /// <summary>True when <paramref name="inner"/> lies inside this CIDR and is smaller (a strict subset).</summary>
    public bool StrictlyContains(IpCidr inner) =>
        inner.Family == Family && inner.PrefixLength > PrefixLength && Network.Contains(inner.Network.BaseAddress);

    public override string ToString() => Text;

    private static IPAddress Mask(IPAddress address, int prefix) => IpInterval.FromPrefix(address, prefix).FirstAddress;

    private static string TrimLeadingZeros(ReadOnlySpan<char> address)
    {
        var parts = new List<string>();
        foreach (var range in address.Split('.'))
        {
            var part = address[range].TrimStart('0');
            parts.Add(part.IsEmpty && !address[range].IsEmpty ? "0" : part.ToString());
        }

        return string.Join('.', parts);
    }

    private static bool HasLeadingZeros(ReadOnlySpan<char> address)
    {
        if (address.Contains(':'))
            return false;
        foreach (var range in address.Split('.'))
        {
            var part = address[range];
            if (part.Length > 1 && part[0] == '0')
                return true;
        }

        return false;
    }
}
