using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Engine;

/// <summary>
/// The networking.k8s.io/v1 NetworkPolicy stage: a pod's direction is decided once some policy selecting it
/// affects that direction (it is isolated); then the union of the allowances of those policies' rules is allowed
/// and nothing else. hostNetwork pods and outside addresses are never decided here.
/// <para>
/// Egress of a source walks its own rules over their peers; ingress from a source walks the rules that admit it
/// (those whose peers include it, plus those with no from) over the pods their policies select.
/// </para>
/// </summary>
internal sealed class NetworkPolicyStage : IDirectionStage
{
    private readonly NodeLayout _layout;
    private readonly ImmutableArray<WorkloadClass> _classes;
    private readonly CompiledPolicies _policies;
    private readonly int[][] _admitting; // per source node: the ingress rules whose peers include it, ascending
    private readonly int[] _universal;   // ingress rules with no from: they admit every source
    private readonly int[] _sourceGroup;
    private readonly int[] _targetGroup;
    private readonly ulong[] _scratch;

    public NetworkPolicyStage(NodeLayout layout, ImmutableArray<WorkloadClass> classes, CompiledPolicies policies)
    {
        _layout = layout;
        _classes = classes;
        _policies = policies;
        _scratch = new ulong[policies.Atoms.Words];
        (_admitting, _universal) = Admitting(layout, policies);
        _sourceGroup = SourceGroups();
        _targetGroup = TargetGroups();
    }

    public bool Decides(int node, Direction direction) =>
        _layout.IsClass(node) && !_classes[node].HostNetwork && _policies.IsIsolated(node, direction);

    public int SourceGroup(int source) => _sourceGroup[source];

    public int TargetGroup(int destination) => _targetGroup[destination];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: called per row or per (rule, peer) pair; see CellBuilder
    public void AllowEgress(int source, NodeAllowances allowances)
    {
        foreach (var r in _policies.RulesOf(source, Direction.Egress))
        {
            var rule = _policies.Rules[r];
            foreach (var b in rule.Peers.Ones())
                OrPorts(rule, b, allowances.Write(b));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: called per row or per (rule, peer) pair; see CellBuilder
    public void AllowIngress(int source, NodeAllowances allowances)
    {
        foreach (var r in _admitting[source])
            AllowIngressBy(_policies.Rules[r], allowances);
        foreach (var r in _universal)
            AllowIngressBy(_policies.Rules[r], allowances);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: called per row or per (rule, peer) pair; see CellBuilder
    private void AllowIngressBy(CompiledRule rule, NodeAllowances allowances)
    {
        // A rule's targets are the pods its policy selects, which that policy isolates for ingress.
        foreach (var b in rule.Targets)
            OrPorts(rule, b, allowances.Write(b));
    }

    /// <summary>ORs into <paramref name="target"/> the atoms a rule's ports allow towards destination node <paramref name="destination"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: called per row or per (rule, peer) pair; see CellBuilder
    private void OrPorts(CompiledRule rule, int destination, Span<ulong> target)
    {
        Or(target, rule.FixedPorts);
        if (rule.Named.IsEmpty || _layout.IsExternal(destination))
            return; // external destinations never match a named port
        var ports = _classes[destination].NamedPorts;
        foreach (var entry in rule.Named)
        {
            // A named port matches a destination container port with that name and protocol.
            if (ports.TryGetValue(entry, out var number))
            {
                Array.Clear(_scratch);
                _policies.Atoms.SetRange(_scratch, entry.Protocol, number, number);
                Or(target, _scratch);
            }
        }
    }

    private static void Or(Span<ulong> target, ReadOnlySpan<ulong> source)
    {
        for (var i = 0; i < target.Length; i++)
            target[i] |= source[i];
    }

    /// <summary>Which ingress rules admit each source node; rules with no from admit every source and are kept apart.</summary>
    private static (int[][] Admitting, int[] Universal) Admitting(NodeLayout layout, CompiledPolicies policies)
    {
        var admit = new List<int>?[layout.Count];
        var universal = new List<int>();
        for (var r = 0; r < policies.Rules.Length; r++)
        {
            var rule = policies.Rules[r];
            if (rule.Direction != Direction.Ingress || rule.Targets.Length == 0)
                continue; // a rule of a policy that selects no pod admits nothing
            if (rule.AllPeers)
            {
                universal.Add(r);
                continue;
            }

            foreach (var a in rule.Peers.Ones())
                (admit[a] ??= []).Add(r);
        }

        return ([.. admit.Select(l => l is null ? [] : l.ToArray())], [.. universal]);
    }

    /// <summary>Sources with the same decided egress rules (or undecided egress) and the same admitting rules.</summary>
    private int[] SourceGroups()
    {
        var rules = new SequenceInterner<int>();
        var groups = new Dictionary<SourceKey, int>();
        var result = new int[_layout.Count];
        for (var a = 0; a < result.Length; a++)
        {
            var decides = Decides(a, Direction.Egress);
            var key = new SourceKey(decides, decides ? rules.Intern(_policies.RulesOf(a, Direction.Egress)) : 0, rules.Intern(_admitting[a]));
            if (!groups.TryGetValue(key, out var group))
                groups[key] = group = groups.Count;
            result[a] = group;
        }

        return result;
    }

    /// <summary>
    /// Destinations with the same ingress isolation and rules and reached by the same egress rules (other than
    /// those whose to matches everything, which reach every node alike).
    /// </summary>
    private int[] TargetGroups()
    {
        var reachedBy = new List<int>?[_layout.Count];
        for (var r = 0; r < _policies.Rules.Length; r++)
        {
            if (_policies.Rules[r].AllPeers)
                continue;
            foreach (var b in _policies.Rules[r].Peers.Ones())
                (reachedBy[b] ??= []).Add(r);
        }

        var rules = new SequenceInterner<int>();
        var groups = new Dictionary<TargetKey, int>();
        var result = new int[_layout.Count];
        for (var b = 0; b < result.Length; b++)
        {
            var isClass = _layout.IsClass(b);
            var key = new TargetKey(
                isClass && _policies.IsIsolated(b, Direction.Ingress),
                rules.Intern(isClass ? _policies.RulesOf(b, Direction.Ingress) : []),
                rules.Intern(reachedBy[b] is { } list ? [.. list] : []));
            if (!groups.TryGetValue(key, out var group))
                groups[key] = group = groups.Count;
            result[b] = group;
        }

        return result;
    }

    /// <param name="DecidesEgress">Whether the source's egress is isolated.</param>
    /// <param name="EgressRules">Interned list of the source's egress rules; 0 (unused) when egress is not decided.</param>
    /// <param name="Admitting">Interned list of the ingress rules that admit the source.</param>
    private readonly record struct SourceKey(bool DecidesEgress, int EgressRules, int Admitting);

    /// <param name="IngressIsolated">Whether a policy selecting the class affects ingress (as compiled, hostNetwork or not).</param>
    /// <param name="IngressRules">Interned list of the class's ingress rules (empty for outside addresses).</param>
    /// <param name="ReachedBy">Interned list of the rules whose peers include the node.</param>
    private readonly record struct TargetKey(bool IngressIsolated, int IngressRules, int ReachedBy);
}
