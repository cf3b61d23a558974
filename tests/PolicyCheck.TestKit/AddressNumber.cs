using System.Net;
using System.Net.Sockets;
using PolicyCheck.Core.Model;

namespace PolicyCheck.TestKit;

/// <summary>IP addresses as unsigned numbers, for walking ranges and their neighbours in tests.</summary>
public static class AddressNumber
{
    public static (AddressFamily Family, UInt128 Value) Of(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        UInt128 value = 0;
        foreach (var b in address.GetAddressBytes())
            value = (value << 8) | b;
        return (address.AddressFamily, value);
    }

    public static UInt128 Max(AddressFamily family) => family == AddressFamily.InterNetwork ? uint.MaxValue : UInt128.MaxValue;

    public static IPAddress ToAddress(AddressFamily family, UInt128 value)
    {
        var bytes = new byte[family == AddressFamily.InterNetwork ? 4 : 16];
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(value & 0xFF);
            value >>= 8;
        }

        return new IPAddress(bytes);
    }

    /// <summary>The first and last address of a CIDR.</summary>
    public static (AddressFamily Family, UInt128 First, UInt128 Last) Bounds(IpCidr cidr)
    {
        var (family, first) = Of(cidr.Network.BaseAddress);
        var hostBits = (family == AddressFamily.InterNetwork ? 32 : 128) - cidr.PrefixLength;
        var span = hostBits == 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
        return (family, first, first + span);
    }
}
