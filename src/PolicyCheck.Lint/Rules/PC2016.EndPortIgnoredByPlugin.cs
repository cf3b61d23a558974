using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// A port entry with <c>endPort</c> where the network plugin model says the plugin does not support endPort
/// (<see cref="EndPortHandling.Ignore"/>, as Cilium before 1.16): "the policy will be applied only for the single
/// port field", so the rest of the range is denied wherever the policy isolates. One finding per entry; under a
/// model that honours endPort, PC1016 notes the same entries instead.
/// </summary>
public sealed class EndPortIgnoredByPlugin : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.EndPortIgnoredByPlugin,
        Name: nameof(EndPortIgnoredByPlugin),
        Title: "endPort range under a plugin that ignores endPort",
        MessageFormat: "NetworkPolicy '{0}' allows the port range {1}-{2}/{3}, but the network plugin is assumed to " +
                       "ignore endPort ({4}), so the entry allows port {1} alone; upgrade the plugin (Cilium 1.16 or " +
                       "later supports endPort), or list the ports the pods need one by one.",
        Category: RuleCategory.Security,
        DefaultSeverity: Severity.Warning);

    public override RuleMetadata Metadata { get; } = RuleMetadata.Security(2.0);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        if (options.EndPort != EndPortHandling.Ignore)
            return;
        var fromProfile = EvaluationOptions.For(options.Profile).EndPort == options.EndPort;
        var setting = NetworkPluginNames.Setting(options, "--endport", options.EndPort.ToName(), fromProfile);
        foreach (var policy in context.Cluster.Policies)
        {
            foreach (var rule in policy.EffectiveRules())
            {
                foreach (var port in rule.Ports ?? [])
                {
                    if (port is { EndPort: { } end, Port.Number: { } first } && end > first &&
                        (port.EffectiveProtocol != Protocol.Sctp || options.Sctp == SctpSupport.Supported))
                        context.Report(Descriptor, port.Span, policy.Name, first, end, port.EffectiveProtocol.ToApiString(), setting);
                }
            }
        }
    }
}
