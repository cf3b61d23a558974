using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using PolicyCheck.Core.Engine;

namespace PolicyCheck.Core.Model;

/// <summary>
/// An inclusive interval of addresses of one family, as numbers: an IPv4 address is its 32-bit big-endian value,
/// an IPv6 address its 128-bit one, both held in a <see cref="UInt128"/>. This is the one place that converts
/// between <see cref="IPAddress"/>, CIDR bounds and numbers; the engine, diff, explain and lint code go through it.
/// An address's family is its own: an IPv4-mapped IPv6 address is an IPv6 number.
/// </summary>
public readonly record struct IpInterval(AddressFamily Family, UInt128 First, UInt128 Last)
{
    /// <summary>The address families the tool knows, in the order external subjects are listed.</summary>
    public static ReadOnlySpan<AddressFamily> Families => [AddressFamily.InterNetwork, AddressFamily.InterNetworkV6];

    /// <summary>Whether this interval reaches the family's highest address (so <c>Last + 1</c> would leave it).</summary>
    public bool EndsAtMax => Last == MaxValue(Family);

    public IPAddress FirstAddress => ToAddress(First, Family);

    public IPAddress LastAddress => ToAddress(Last, Family);

    /// <summary>32 for IPv4, 128 for IPv6.</summary>
    public static int Bits(AddressFamily family) => family switch
    {
        AddressFamily.InterNetwork => 32,
        AddressFamily.InterNetworkV6 => 128,
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "Only IPv4 and IPv6 are supported."),
    };

    /// <summary>The family's highest address as a number: <c>2^32 - 1</c> or <c>2^128 - 1</c>.</summary>
    public static UInt128 MaxValue(AddressFamily family) => Bits(family) == 32 ? uint.MaxValue : UInt128.MaxValue;

    /// <summary>The family's whole address space (<c>0.0.0.0/0</c> or <c>::/0</c>).</summary>
    public static IpInterval Whole(AddressFamily family) => new(family, UInt128.Zero, MaxValue(family));

    /// <summary>The addresses of a network: from its base address through the last one its prefix covers.</summary>
    public static IpInterval FromNetwork(IPNetwork network) => FromPrefix(network.BaseAddress, network.PrefixLength);

    /// <summary>
    /// The addresses that share <paramref name="address"/>'s first <paramref name="prefixLength"/> bits; host bits
    /// of <paramref name="address"/> are ignored, so <see cref="First"/> is the masked network address.
    /// </summary>
    public static IpInterval FromPrefix(IPAddress address, int prefixLength)
    {
        var family = address.AddressFamily;
        ArgumentOutOfRangeException.ThrowIfNegative(prefixLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefixLength, Bits(family));
        var hostBits = Bits(family) - prefixLength;
        var hostMask = hostBits == 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
        var first = ToNumber(address) & ~hostMask;
        return new IpInterval(family, first, first | hostMask);
    }

    public static IpInterval FromCidr(IpCidr cidr) => FromNetwork(cidr.Network);

    public static IpInterval FromRange(IpRange range)
    {
        ArgumentNullException.ThrowIfNull(range.First);
        ArgumentNullException.ThrowIfNull(range.Last);
        if (range.First.AddressFamily != range.Last.AddressFamily)
            throw new ArgumentException("Both ends of a range must be of one family.", nameof(range));
        return new IpInterval(range.First.AddressFamily, ToNumber(range.First), ToNumber(range.Last));
    }

    /// <summary>One address.</summary>
    public static IpInterval FromAddress(IPAddress address) => new(address.AddressFamily, ToNumber(address), ToNumber(address));

    /// <summary>The address as a big-endian number of its own family's width.</summary>
    public static UInt128 ToNumber(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out var written))
            throw new ArgumentException($"Address '{address}' does not fit in 16 bytes.", nameof(address));
        return written == 4 ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    /// <summary>The address of the family whose number is <paramref name="value"/>.</summary>
    public static IPAddress ToAddress(UInt128 value, AddressFamily family)
    {
        if (value > MaxValue(family))
            throw new ArgumentOutOfRangeException(nameof(value), value, $"The value is beyond the highest {family} address.");
        Span<byte> bytes = stackalloc byte[16];
        if (Bits(family) == 32)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)value);
            return new IPAddress(bytes[..4]);
        }

        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return new IPAddress(bytes);
    }

    public bool Contains(UInt128 value) => First <= value && value <= Last;

    public bool Contains(IPAddress address) => address.AddressFamily == Family && Contains(ToNumber(address));

    /// <summary>Whether the two share an address (never across families).</summary>
    public bool Overlaps(IpInterval other) => other.Family == Family && other.First <= Last && First <= other.Last;

    /// <summary>The addresses in both, or null when they share none.</summary>
    public IpInterval? Intersect(IpInterval other)
    {
        if (!Overlaps(other))
            return null;
        return new IpInterval(Family, UInt128.Max(First, other.First), UInt128.Min(Last, other.Last));
    }

    /// <summary>Whether <paramref name="next"/> starts at the address right after this one's last.</summary>
    public bool IsFollowedBy(IpInterval next) => next.Family == Family && !EndsAtMax && Last + 1 == next.First;

    public IpRange ToRange() => new(FirstAddress, LastAddress);

    /// <summary>
    /// The prefix length when the interval is exactly one CIDR (its first address aligned to its size, a power of
    /// two), else null: <c>10.0.0.0-10.255.255.255</c> is <c>/8</c>, <c>10.0.0.0-10.0.2.255</c> is no CIDR.
    /// </summary>
    public int? PrefixLength()
    {
        var bits = Bits(Family);
        var span = Last - First;
        if (span == MaxValue(Family))
            return First == UInt128.Zero ? 0 : null;
        var size = span + 1;
        if ((size & span) != UInt128.Zero || (First & span) != UInt128.Zero)
            return null;
        return bits - (int)UInt128.TrailingZeroCount(size);
    }

    /// <summary>
    /// For people: the CIDR when the interval is exactly one (<c>10.0.0.0/8</c>, <c>::/0</c>, <c>203.0.113.7/32</c>),
    /// else <c>first-last</c>.
    /// </summary>
    public string ToShortString() => PrefixLength() is { } prefix
        ? string.Create(CultureInfo.InvariantCulture, $"{FirstAddress}/{prefix}")
        : ToString();

    public override string ToString() => $"{FirstAddress}-{LastAddress}";
}
