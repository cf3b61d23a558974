using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// A policy port with <c>protocol: SCTP</c>: NetworkPolicy rules for SCTP take effect only when the network plugin
/// supports SCTP. Informational, reported at each such port entry.
/// </summary>
public sealed class SctpNeedsPluginSupport : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.SctpNeedsPluginSupport,
        Name: nameof(SctpNeedsPluginSupport),
        Title: "SCTP needs support in the network plugin",
        MessageFormat: "NetworkPolicy '{0}' has an SCTP port entry ({1}), which only network plugins that support " +
                       "SCTP in NetworkPolicy enforce; check that yours does before relying on it.",
        Category: RuleCategory.Correctness,
        DefaultSeverity: Severity.Note);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Options.Sctp == SctpSupport.Unsupported)
            return; // the plugin model already lacks SCTP: PC2015 says what that does
        foreach (var policy in context.Cluster.Policies)
        {
            foreach (var rule in policy.Rules(Direction.Ingress).Concat(policy.Rules(Direction.Egress)))
            {
                foreach (var port in rule.Ports ?? [])
                {
                    if (port.Protocol != Protocol.Sctp)
                        continue;
                    var what = port switch
                    {
                        { Port: null } => "every SCTP port",
                        { EndPort: { } end } => $"ports {port.Port}-{end}",
                        _ => $"port {port.Port}",
                    };
                    context.Report(Descriptor, port.Span, policy.Name, what);
                }
            }
        }
    }
}
