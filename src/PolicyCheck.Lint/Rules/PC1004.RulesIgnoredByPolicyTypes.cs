using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// Rules of a direction that an explicit, non-empty <c>policyTypes</c> leaves out are ignored by Kubernetes: the
/// policy neither isolates that direction nor allows anything in it.
/// </summary>
public sealed class RulesIgnoredByPolicyTypes : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.RulesIgnoredByPolicyTypes,
        Name: nameof(RulesIgnoredByPolicyTypes),
        Title: "Rules ignored because policyTypes leaves their direction out",
        MessageFormat: "NetworkPolicy '{0}' has {1} rules but policyTypes does not list '{2}', so they are ignored; " +
                       "add '{2}' to policyTypes or remove the rules.",
        Category: RuleCategory.Correctness,
        DefaultSeverity: Severity.Warning);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var policy in context.Cluster.Policies)
        {
            if (policy.PolicyTypes is not { Length: > 0 } types)
                continue;
            foreach (var direction in (ReadOnlySpan<Direction>)[Direction.Ingress, Direction.Egress])
            {
                var rules = policy.Rules(direction);
                if (rules.Length > 0 && !types.Contains(direction))
                {
                    var name = direction.ToString();
                    context.Report(Descriptor, rules[0].Span, policy.Name, name.ToLowerInvariant(), name);
                }
            }
        }
    }
}
