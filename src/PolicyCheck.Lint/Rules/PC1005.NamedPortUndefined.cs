using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// A named port in a rule's <c>ports</c> that no destination pod defines with that name and protocol. Named ports
/// resolve on the destination: for ingress the pods the policy selects, for egress the pods the rule's peers select
/// (every workload when the rule has no peers). Rules whose destinations are unknown (ipBlock peers only) or empty
/// (PC1001, PC1002) are not judged.
/// </summary>
public sealed class NamedPortUndefined : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.NamedPortUndefined,
        Name: nameof(NamedPortUndefined),
        Title: "Named port not defined on any destination pod",
        MessageFormat: "NetworkPolicy '{0}' allows named port '{1}' over {2}, but {3}; the entry matches no traffic, " +
                       "so use a port name and protocol the destination pods define.",
        Category: RuleCategory.Correctness,
        DefaultSeverity: Severity.Warning);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var policy in context.Cluster.Policies)
        {
            foreach (var direction in (ReadOnlySpan<Direction>)[Direction.Ingress, Direction.Egress])
            {
                foreach (var rule in policy.Rules(direction))
                {
                    if (rule.Ports is not { Length: > 0 } ports || !ports.Any(p => p.Port is { IsNamed: true }))
                        continue;
                    var destinations = context.Destinations(policy, rule);
                    if (destinations.IsEmpty)
                        continue;
                    foreach (var port in ports)
                    {
                        if (port.Port is { Name: { } name } && Problem(destinations, name, port.EffectiveProtocol, direction) is { } problem)
                            context.Report(Descriptor, port.Span, policy.Name, name, port.EffectiveProtocol.ToApiString(), problem);
                    }
                }
            }
        }
    }

    /// <summary>Why the name resolves on no destination, or null when some destination defines it.</summary>
    private static string? Problem(ImmutableArray<Workload> destinations, string name, Protocol protocol, Direction direction)
    {
        var named = destinations.SelectMany(w => w.Ports).Where(p => p.Name == name).ToList();
        if (named.Exists(p => p.Protocol == protocol))
            return null;
        var pods = direction == Direction.Ingress ? "the pods the policy selects" : "the pods the rule allows";
        return named.Count == 0
            ? $"none of {pods} defines a port of that name"
            : $"{pods} define it only over {string.Join(", ", named.Select(p => p.Protocol.ToApiString()).Distinct())}";
    }
}
