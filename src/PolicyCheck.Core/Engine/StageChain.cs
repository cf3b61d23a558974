using System.Collections.Immutable;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Engine;

/// <summary>
/// The ordered stages that decide each node's traffic, resolved once per evaluation: per node and direction the
/// first stage that decides it (or none: then everything is allowed), and the combined source and destination
/// groups (equal only when every stage's groups are equal). Read-only once built.
/// </summary>
internal sealed class StageChain
{
    /// <summary>Marks a (node, direction) that no stage decides.</summary>
    public const int Undecided = -1;

    private readonly ImmutableArray<int>[] _decider; // [direction][node] -> stage index or Undecided

    public StageChain(NodeLayout layout, IReadOnlyList<IDirectionStage> stages)
    {
        ArgumentOutOfRangeException.ThrowIfZero(stages.Count);
        Layout = layout;
        Stages = stages;
        _decider = [Resolve(layout, stages, Direction.Ingress), Resolve(layout, stages, Direction.Egress)];
        SourceGroups = Combine(layout, stages, static (stage, node) => stage.SourceGroup(node));
        TargetGroups = Combine(layout, stages, static (stage, node) => stage.TargetGroup(node));
    }

    public NodeLayout Layout { get; }

    public IReadOnlyList<IDirectionStage> Stages { get; }

    /// <summary>Per node: sources of one group get the same allowances from every stage.</summary>
    public ImmutableArray<int> SourceGroups { get; }

    /// <summary>Per node: destinations of one group are treated alike by every stage.</summary>
    public ImmutableArray<int> TargetGroups { get; }

    /// <summary>The index of the stage that decides <paramref name="node"/>'s traffic in <paramref name="direction"/>, or <see cref="Undecided"/>.</summary>
    public int Decider(int node, Direction direction) => _decider[(int)direction][node];

    public bool IsDecided(int node, Direction direction) => _decider[(int)direction][node] != Undecided;

    /// <summary>Per node, <see cref="Decider"/> for one direction, for loops that read it per cell.</summary>
    public ImmutableArray<int> Deciders(Direction direction) => _decider[(int)direction];

    private static ImmutableArray<int> Resolve(NodeLayout layout, IReadOnlyList<IDirectionStage> stages, Direction direction)
    {
        var result = new int[layout.Count];
        for (var node = 0; node < result.Length; node++)
        {
            result[node] = Undecided;
            for (var s = 0; s < stages.Count; s++)
            {
                if (stages[s].Decides(node, direction))
                {
                    result[node] = s;
                    break;
                }
            }
        }

        return [.. result];
    }

    private static ImmutableArray<int> Combine(NodeLayout layout, IReadOnlyList<IDirectionStage> stages, Func<IDirectionStage, int, int> group)
    {
        var result = new int[layout.Count];
        if (stages.Count == 1)
        {
            for (var node = 0; node < result.Length; node++)
                result[node] = group(stages[0], node);
            return [.. result];
        }

        var interner = new SequenceInterner<int>();
        for (var node = 0; node < result.Length; node++)
        {
            var perStage = new int[stages.Count];
            for (var s = 0; s < stages.Count; s++)
                perStage[s] = group(stages[s], node);
            result[node] = interner.Intern(perStage);
        }

        return [.. result];
    }
}
