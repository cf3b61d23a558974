using System.Text.RegularExpressions;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// A policy without <c>policyTypes</c> and without egress rules, so the API server makes it Ingress-only, that was
/// evidently meant to restrict egress: its name contains "egress" (other than in "egress-gateway", the pods an Istio
/// or Cilium egress gateway policy protects), or it is a deny-all ("deny-all",
/// "default-deny-all", but not one naming ingress), or it writes an empty <c>egress: []</c>. A deny-all that writes
/// an empty <c>ingress: []</c> says what it denies: that is the canonical "deny all traffic to an application"
/// recipe (<c>web-deny-all</c>), Ingress-only on purpose, and is not reported.
/// </summary>
public sealed partial class EgressIntentWithoutPolicyType : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.EgressIntentWithoutPolicyType,
        Name: nameof(EgressIntentWithoutPolicyType),
        Title: "Egress meant but policyTypes leaves it out",
        MessageFormat: "NetworkPolicy '{0}' {1}, but without policyTypes and egress rules it applies to Ingress " +
                       "only, so egress is not restricted; add 'policyTypes: [{2}]'.",
        Category: RuleCategory.Correctness,
        DefaultSeverity: Severity.Warning);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var policy in context.Cluster.Policies)
        {
            if (policy.PolicyTypes is { Length: > 0 } || policy.AffectsEgress || Intent(policy) is not { } intent)
                continue;
            // An egress policy with no ingress rules most likely meant Egress alone (today it denies all ingress).
            var egressOnly = policy.Ingress is not { Length: > 0 } && NamesEgress(policy.Name);
            var types = egressOnly ? "Egress" : "Ingress, Egress";
            context.Report(Descriptor, policy.Span, policy.Name, intent, types);
        }
    }

    /// <summary>"egress" in the name, not as the egress gateway the policy is about (istio-egressgateway, egress-gw).</summary>
    private static bool NamesEgress(string name) => EgressWord().IsMatch(name);

    [GeneratedRegex("egress(?![-_.]?(gateway|gw))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EgressWord();

    private static string? Intent(NetworkPolicy policy)
    {
        if (policy.Egress is { Length: 0 })
            return "writes an empty 'egress: []' to deny egress";
        var name = policy.Name;
        if (NamesEgress(name))
            return "is named for egress";
        if (name.Contains("deny-all", StringComparison.OrdinalIgnoreCase) && !name.Contains("ingress", StringComparison.OrdinalIgnoreCase) &&
            policy.Ingress is null)
            return "is named as a deny-all";
        return null;
    }
}
