using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// An SCTP port entry where the network plugin model says the plugin does not support SCTP in policies
/// (<see cref="SctpSupport.Unsupported"/>, as the cilium profile assumes): the entry allows nothing, so the SCTP
/// traffic it means to let through is denied wherever the policy isolates. One finding per entry, at the entry;
/// under a model with SCTP, PC1017 notes the same entries instead.
/// </summary>
public sealed class SctpUnsupportedByPlugin : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.SctpUnsupportedByPlugin,
        Name: nameof(SctpUnsupportedByPlugin),
        Title: "SCTP rule under a plugin without SCTP support",
        MessageFormat: "NetworkPolicy '{0}' allows {1}, but the network plugin is assumed not to support SCTP in " +
                       "policies ({2}), so the entry allows nothing and that traffic is denied; enable SCTP in the " +
                       "plugin (Cilium: sctp.enabled), or check the assumption.",
        Category: RuleCategory.Security,
        DefaultSeverity: Severity.Warning);

    public override RuleMetadata Metadata { get; } = RuleMetadata.Security(2.0);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        if (options.Sctp != SctpSupport.Unsupported)
            return;
        var fromProfile = EvaluationOptions.For(options.Profile).Sctp == options.Sctp;
        var setting = NetworkPluginNames.Setting(options, "--sctp", options.Sctp.ToName(), fromProfile);
        foreach (var policy in context.Cluster.Policies)
        {
            foreach (var rule in policy.EffectiveRules())
            {
                foreach (var port in rule.Ports ?? [])
                {
                    if (port.EffectiveProtocol != Protocol.Sctp)
                        continue;
                    var what = port switch
                    {
                        { Port: null } => "every SCTP port",
                        { EndPort: { } end } => $"SCTP ports {port.Port}-{end}",
                        _ => $"SCTP port {port.Port}",
                    };
                    context.Report(Descriptor, port.Span, policy.Name, what, setting);
                }
            }
        }
    }
}
