using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// What one policy rule allows, as sets: the matrix subjects its peers match (workloads and the external address
/// groups, which every ipBlock treats alike) and its ports, resolved per destination where it names ports. Built by
/// <see cref="RuleAllowances"/>; PC1009 and PC1010 compare two of them with <see cref="IsWithin"/>.
/// </summary>
internal sealed class RuleAllowance
{
    private readonly ulong[]? _peers;
    private readonly PortSet _fixedPorts;
    private readonly PolicyPort[] _namedPorts;

    public RuleAllowance(PolicyRule rule, ulong[]? peers, PortSet fixedPorts, PolicyPort[] namedPorts)
    {
        Rule = rule;
        _peers = peers;
        _fixedPorts = fixedPorts;
        _namedPorts = namedPorts;
    }

    public PolicyRule Rule { get; }

    /// <summary>
    /// False when a selector peer of the rule matches nothing in the inputs: what it would match in the real
    /// cluster is unknown (PC1002 reports it), so the rule is never judged contained in another.
    /// </summary>
    public bool IsKnown => _peers is not null;

    private bool HasNamedPorts => _namedPorts.Length > 0;

    /// <summary>The ports the rule allows to <paramref name="destination"/> (null: an outside address).</summary>
    public PortSet PortsAt(Workload? destination)
    {
        if (!HasNamedPorts || destination is null)
            return _fixedPorts;
        var result = _fixedPorts;
        foreach (var entry in _namedPorts)
        {
            var protocol = entry.EffectiveProtocol;
            foreach (var port in destination.Ports)
            {
                if (port.Protocol == protocol && string.Equals(port.Name, entry.Port!.Value.Name, StringComparison.Ordinal)) // named entries have a port
                    result = result.Union(PortSet.Of(protocol, port.Number));
            }
        }

        return result;
    }

    /// <summary>
    /// Whether every connection this rule allows, the other rule allows too. <paramref name="direction"/> says where
    /// named ports resolve: for ingress on <paramref name="selected"/> (the pods the policies apply to; an empty
    /// list stands for unknown pods, where names resolve to nothing), for egress on each peer.
    /// </summary>
    public bool IsWithin(RuleAllowance other, Direction direction, IReadOnlyList<Workload> selected, IReadOnlyList<Subject> subjects)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (_peers is null || other._peers is null)
            return false;
        if (direction == Direction.Ingress || (!HasNamedPorts && !other.HasNamedPorts))
        {
            if (!IsSubset(_peers, other._peers))
                return AllowsNothing(direction, selected, subjects);
            if (!HasNamedPorts && !other.HasNamedPorts)
                return IsSubset(_fixedPorts, other._fixedPorts);
            foreach (var destination in Destinations(selected))
            {
                if (!IsSubset(PortsAt(destination), other.PortsAt(destination)))
                    return false;
            }

            return true;
        }

        foreach (var subject in Ones(_peers))
        {
            var workload = subjects[subject].Workload;
            var mine = PortsAt(workload);
            if (mine.IsEmpty)
                continue;
            if (!Has(other._peers, subject) || !IsSubset(mine, other.PortsAt(workload)))
                return false;
        }

        return true;
    }

    /// <summary>Whether the rule allows no connection at all (its peers match nothing, or its ports resolve to none).</summary>
    public bool AllowsNothing(Direction direction, IReadOnlyList<Workload> selected, IReadOnlyList<Subject> subjects)
    {
        if (_peers is null || !_peers.AsSpan().ContainsAnyExcept(0UL))
            return _peers is not null;
        if (direction == Direction.Ingress)
            return Destinations(selected).All(d => PortsAt(d).IsEmpty);
        return Ones(_peers).All(s => PortsAt(subjects[s].Workload).IsEmpty);
    }

    private static IEnumerable<Workload?> Destinations(IReadOnlyList<Workload> selected) =>
        selected.Count == 0 ? [null] : selected.Cast<Workload?>();

    private static bool IsSubset(PortSet inner, PortSet outer) => inner.IsEmpty || outer.IsAll || inner.Intersect(outer).Equals(inner);

    private static bool IsSubset(ulong[] inner, ulong[] outer)
    {
        for (var i = 0; i < inner.Length; i++)
        {
            if ((inner[i] & ~outer[i]) != 0)
                return false;
        }

        return true;
    }

    private static bool Has(ulong[] bits, int index) => (bits[index >> 6] & (1UL << (index & 63))) != 0;

    private static IEnumerable<int> Ones(ulong[] bits)
    {
        for (var w = 0; w < bits.Length; w++)
        {
            var word = bits[w];
            while (word != 0)
            {
                yield return (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
                word &= word - 1;
            }
        }
    }
}
