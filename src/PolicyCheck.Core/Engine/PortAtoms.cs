using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Engine;

/// <summary>
/// The port space of each protocol cut into the ranges ("atoms") that no policy port, endPort or referenced named
/// container port splits further. Every allowed set is a union of atoms, stored as a bit set over them.
/// </summary>
internal sealed class PortAtoms
{
    private readonly int[][] _starts; // per protocol: ascending first ports of its atoms, starting at 1
    private readonly int[] _offset;   // per protocol: index of its first atom
    private readonly EvaluationOptions _options;

    private PortAtoms(int[][] starts, EvaluationOptions options)
    {
        _options = options;
        _starts = starts;
        _offset = new int[starts.Length];
        var total = 0;
        for (var p = 0; p < starts.Length; p++)
        {
            _offset[p] = total;
            total += starts[p].Length;
        }

        Count = total;
        Words = (total + 63) >> 6;
        All = new ulong[Words];
        for (var p = 0; p < starts.Length; p++)
            SetRange(All, (Protocol)p, PortRange.MinPort, PortRange.MaxPort);
    }

    public int Count { get; }

    public int Words { get; }

    public ulong[] All { get; }

    public static PortAtoms Build(
        IEnumerable<NetworkPolicy> policies, IEnumerable<IEnumerable<(Protocol Protocol, int Number)>> namedPortNumbers, EvaluationOptions options)
    {
        var cuts = new SortedSet<int>[3];
        for (var p = 0; p < cuts.Length; p++)
            cuts[p] = [PortRange.MinPort];

        void Cut(Protocol protocol, int first, int last)
        {
            cuts[(int)protocol].Add(first);
            if (last < PortRange.MaxPort)
                cuts[(int)protocol].Add(last + 1);
        }

        foreach (var policy in policies)
        {
            foreach (var rule in policy.Rules(Direction.Ingress).Concat(policy.Rules(Direction.Egress)))
            {
                foreach (var port in rule.Ports ?? [])
                {
                    if (port.Port is { Number: { } number } && Applies(port, options))
                        Cut(port.EffectiveProtocol, number, Last(port, number, options));
                }
            }
        }

        foreach (var numbers in namedPortNumbers)
        {
            foreach (var (protocol, number) in numbers)
                Cut(protocol, number, number);
        }

        return new PortAtoms([.. cuts.Select(c => c.ToArray())], options);
    }

    /// <summary>The atoms of a rule's numeric and protocol-only port entries (named entries depend on the destination).</summary>
    public ulong[] Fixed(PolicyRule rule)
    {
        var bits = new ulong[Words];
        if (rule.MatchesAllPorts)
        {
            All.CopyTo(bits, 0);
            return bits;
        }

        foreach (var port in rule.Ports!.Value)
        {
            if (!Applies(port, _options))
                continue;
            if (port.Port is null)
                SetRange(bits, port.EffectiveProtocol, PortRange.MinPort, PortRange.MaxPort);
            else if (port.Port.Value.Number is { } number)
                SetRange(bits, port.EffectiveProtocol, number, Last(port, number, _options));
        }

        return bits;
    }

    /// <summary>Whether a port entry allows anything under the plugin model: an SCTP one not where SCTP is unsupported.</summary>
    public static bool Applies(PolicyPort port, EvaluationOptions options) =>
        port.EffectiveProtocol != Protocol.Sctp || options.Sctp == SctpSupport.Supported;

    /// <summary>The last port a numbered entry allows: its endPort, unless the plugin applies the rule to port alone.</summary>
    private static int Last(PolicyPort port, int number, EvaluationOptions options) =>
        options.EndPort == EndPortHandling.Honor ? port.EndPort ?? number : number;

    /// <summary>Sets the atoms covering <paramref name="first"/>..<paramref name="last"/>; both must be atom boundaries.</summary>
    public void SetRange(Span<ulong> bits, Protocol protocol, int first, int last)
    {
        var starts = _starts[(int)protocol];
        var from = AtomOf(starts, first);
        var to = AtomOf(starts, last);
        for (var a = from; a <= to; a++)
        {
            var index = _offset[(int)protocol] + a;
            bits[index >> 6] |= 1UL << (index & 63);
        }
    }

    public PortSet ToPortSet(ReadOnlySpan<ulong> bits)
    {
        var result = PortSet.None;
        for (var p = 0; p < _starts.Length; p++)
        {
            var starts = _starts[p];
            var ranges = new List<PortRange>();
            for (var a = 0; a < starts.Length; a++)
            {
                var index = _offset[p] + a;
                if ((bits[index >> 6] & (1UL << (index & 63))) == 0)
                    continue;
                var last = a + 1 < starts.Length ? starts[a + 1] - 1 : PortRange.MaxPort;
                ranges.Add(new PortRange(starts[a], last));
            }

            if (ranges.Count > 0)
                result = result.Union(PortSet.FromRanges((Protocol)p, ranges));
        }

        return result;
    }

    private static int AtomOf(int[] starts, int port)
    {
        var i = Array.BinarySearch(starts, port);
        return i >= 0 ? i : ~i - 1;
    }
}
