using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// A policy port with <c>endPort</c>: the range works only when the network plugin implements endPort (stable in
/// Kubernetes 1.25); a plugin that ignores the field allows only the single <c>port</c>. Informational, reported at
/// each such port entry.
/// </summary>
public sealed class EndPortNeedsPluginSupport : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.EndPortNeedsPluginSupport,
        Name: nameof(EndPortNeedsPluginSupport),
        Title: "endPort needs support in the network plugin",
        MessageFormat: "NetworkPolicy '{0}' allows the port range {1}-{2}/{3} with endPort, which only network " +
                       "plugins that implement endPort (stable since Kubernetes 1.25) enforce as a range; check that " +
                       "yours does, as one that ignores it allows port {1} alone.",
        Category: RuleCategory.Correctness,
        DefaultSeverity: Severity.Note);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Options.EndPort == EndPortHandling.Ignore)
            return; // the plugin model already ignores endPort: PC2016 says what that does
        foreach (var policy in context.Cluster.Policies)
        {
            foreach (var rule in policy.Rules(Direction.Ingress).Concat(policy.Rules(Direction.Egress)))
            {
                foreach (var port in rule.Ports ?? [])
                {
                    if (port is { EndPort: { } end, Port.Number: { } first })
                        context.Report(Descriptor, port.Span, policy.Name, first, end, port.EffectiveProtocol.ToApiString());
                }
            }
        }
    }
}
