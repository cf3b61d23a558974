using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Engine;

/// <summary>
/// An immutable set of (protocol, port) pairs over TCP, UDP and SCTP, kept as sorted, disjoint, non-adjacent
/// ranges per protocol. Two sets with the same members are equal.
/// </summary>
public sealed class PortSet : IEquatable<PortSet>
{
    private readonly ImmutableArray<PortRange> _tcp;
    private readonly ImmutableArray<PortRange> _udp;
    private readonly ImmutableArray<PortRange> _sctp;

    private PortSet(ImmutableArray<PortRange> tcp, ImmutableArray<PortRange> udp, ImmutableArray<PortRange> sctp)
    {
        _tcp = tcp;
        _udp = udp;
        _sctp = sctp;
    }

    public static PortSet None { get; } = new([], [], []);

    public static PortSet All { get; } = new([PortRange.Full], [PortRange.Full], [PortRange.Full]);

    public bool IsEmpty => _tcp.IsEmpty && _udp.IsEmpty && _sctp.IsEmpty;

    public bool IsAll => IsFull(_tcp) && IsFull(_udp) && IsFull(_sctp);

    public static PortSet Of(Protocol protocol, int first, int last)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(first, PortRange.MinPort);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(last, PortRange.MaxPort);
        ArgumentOutOfRangeException.ThrowIfLessThan(last, first);
        return FromRanges(protocol, [new PortRange(first, last)]);
    }

    public static PortSet Of(Protocol protocol, int port) => Of(protocol, port, port);

    /// <summary>Every port of one protocol.</summary>
    public static PortSet AllOf(Protocol protocol) => FromRanges(protocol, [PortRange.Full]);

    /// <summary>Builds a set from ranges of one protocol; they may overlap and come in any order.</summary>
    public static PortSet FromRanges(Protocol protocol, IEnumerable<PortRange> ranges)
    {
        var normalized = Normalize(ranges);
        return protocol switch
        {
            Protocol.Tcp => new PortSet(normalized, [], []),
            Protocol.Udp => new PortSet([], normalized, []),
            _ => new PortSet([], [], normalized),
        };
    }

    public ImmutableArray<PortRange> Ranges(Protocol protocol) => protocol switch
    {
        Protocol.Tcp => _tcp,
        Protocol.Udp => _udp,
        _ => _sctp,
    };

    public bool Contains(Protocol protocol, int port)
    {
        var ranges = Ranges(protocol);
        int lo = 0, hi = ranges.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (ranges[mid].Last < port)
                lo = mid + 1;
            else if (ranges[mid].First > port)
                hi = mid - 1;
            else
                return true;
        }

        return false;
    }

    public PortSet Union(PortSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new PortSet(
            Normalize(_tcp.Concat(other._tcp)),
            Normalize(_udp.Concat(other._udp)),
            Normalize(_sctp.Concat(other._sctp)));
    }

    public PortSet Intersect(PortSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new PortSet(Intersect(_tcp, other._tcp), Intersect(_udp, other._udp), Intersect(_sctp, other._sctp));
    }

    public bool Equals(PortSet? other) =>
        other is not null && _tcp.SequenceEqual(other._tcp) && _udp.SequenceEqual(other._udp) && _sctp.SequenceEqual(other._sctp);

    public override bool Equals(object? obj) => Equals(obj as PortSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var protocol in ProtocolNames.All)
        {
            hash.Add(protocol);
            foreach (var range in Ranges(protocol))
                hash.Add(range);
        }

        return hash.ToHashCode();
    }

    /// <summary><c>all</c>, <c>none</c>, or e.g. <c>TCP 80,8080-8090; UDP 53</c> (a whole protocol reads <c>UDP all</c>).</summary>
    public override string ToString()
    {
        if (IsAll)
            return "all";
        if (IsEmpty)
            return "none";
        var text = new StringBuilder();
        foreach (var protocol in ProtocolNames.All)
        {
            var ranges = Ranges(protocol);
            if (ranges.IsEmpty)
                continue;
            if (text.Length > 0)
                text.Append("; ");
            text.Append(protocol.ToApiString()).Append(' ');
            text.Append(IsFull(ranges) ? "all" : string.Join(',', ranges));
        }

        return text.ToString();
    }

    /// <summary>Parses what <see cref="ToString"/> writes.</summary>
    public static bool TryParse(string? text, out PortSet set)
    {
        set = None;
        if (text is null)
            return false;
        text = text.Trim();
        if (text == "all")
        {
            set = All;
            return true;
        }

        if (text == "none")
            return true;
        var parts = text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
            return false; // ToString writes "none" for the empty set, never an empty string
        var result = None;
        foreach (var part in parts)
        {
            var space = part.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0 || !ProtocolNames.TryParse(part[..space], out var protocol))
                return false;
            var body = part[(space + 1)..].Trim();
            if (body == "all")
            {
                result = result.Union(AllOf(protocol));
                continue;
            }

            var ranges = new List<PortRange>();
            foreach (var item in body.Split(',', StringSplitOptions.TrimEntries))
            {
                var dash = item.IndexOf('-', StringComparison.Ordinal);
                var firstText = dash < 0 ? item : item[..dash];
                var lastText = dash < 0 ? item : item[(dash + 1)..];
                if (!int.TryParse(firstText, NumberStyles.None, CultureInfo.InvariantCulture, out var first) ||
                    !int.TryParse(lastText, NumberStyles.None, CultureInfo.InvariantCulture, out var last) ||
                    first < PortRange.MinPort || last > PortRange.MaxPort || last < first)
                    return false;
                ranges.Add(new PortRange(first, last));
            }

            result = result.Union(FromRanges(protocol, ranges));
        }

        set = result;
        return true;
    }

    private static bool IsFull(ImmutableArray<PortRange> ranges) => ranges.Length == 1 && ranges[0] == PortRange.Full;

    private static ImmutableArray<PortRange> Normalize(IEnumerable<PortRange> ranges)
    {
        var sorted = ranges.OrderBy(r => r.First).ToList();
        if (sorted.Count == 0)
            return [];
        var result = ImmutableArray.CreateBuilder<PortRange>();
        var current = sorted[0];
        foreach (var next in sorted.Skip(1))
        {
            if (next.First <= current.Last + 1)
                current = current with { Last = Math.Max(current.Last, next.Last) };
            else
            {
                result.Add(current);
                current = next;
            }
        }

        result.Add(current);
        return result.ToImmutable();
    }

    private static ImmutableArray<PortRange> Intersect(ImmutableArray<PortRange> a, ImmutableArray<PortRange> b)
    {
        var result = ImmutableArray.CreateBuilder<PortRange>();
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            var first = Math.Max(a[i].First, b[j].First);
            var last = Math.Min(a[i].Last, b[j].Last);
            if (first <= last)
                result.Add(new PortRange(first, last));
            if (a[i].Last < b[j].Last)
                i++;
            else
                j++;
        }

        return result.ToImmutable();
    }
}
