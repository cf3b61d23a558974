using System.Collections.Immutable;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Engine;

/// <summary>
/// Phase 3's result: the active policies as rules over nodes and port atoms, with each class's isolation and
/// rules per direction. Read-only once built by <see cref="RuleCompiler"/>.
/// </summary>
internal sealed class CompiledPolicies
{
    private readonly bool[][] _isolated;  // [direction][class]
    private readonly int[][][] _rulesOf;  // [direction][class] -> rule ids, ascending

    public CompiledPolicies(PortAtoms atoms, ImmutableArray<CompiledRule> rules, bool[][] isolated, int[][][] rulesOf)
    {
        Atoms = atoms;
        Rules = rules;
        _isolated = isolated;
        _rulesOf = rulesOf;
    }

    public PortAtoms Atoms { get; }

    public ImmutableArray<CompiledRule> Rules { get; }

    /// <summary>Whether some active policy selecting the class affects <paramref name="direction"/> (hostNetwork or not).</summary>
    public bool IsIsolated(int cls, Direction direction) => _isolated[(int)direction][cls];

    /// <summary>The rules of the policies that select the class, for <paramref name="direction"/>, in rule order.</summary>
    public int[] RulesOf(int cls, Direction direction) => _rulesOf[(int)direction][cls];
}
