using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// An egress-isolated workload whose policies do not let it reach every backend of the cluster DNS service on
/// UDP 53, judged on the evaluated flows to the DNS pods on their targetPort (the standard CoreDNS is assumed when
/// the inputs lack it). The policies that isolate it are the related locations.
/// </summary>
public sealed class EgressDnsBlocked : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.EgressDnsBlocked,
        Name: nameof(EgressDnsBlocked),
        Title: "Egress isolation blocks the cluster DNS",
        MessageFormat: "{0} '{1}' is isolated for egress and reaches {2} of the cluster DNS pods ('{3}') on UDP " +
                       "port 53, so name lookups fail; allow egress to them on port 53 over UDP and TCP.",
        Category: RuleCategory.Security,
        DefaultSeverity: Severity.Warning);

    public override RuleMetadata Metadata { get; } = RuleMetadata.Security(3.0);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dns = context.Dns;
        var service = $"{dns.Service.Namespace}/{dns.Service.Name}";
        foreach (var (workload, subject) in context.Workloads())
        {
            if (context.Ungoverned(workload) || !context.Matrix.IsIsolated(subject, Direction.Egress))
                continue;
            var access = context.DnsAccess(workload);
            if (access is null || access.UdpOk)
                continue;
            var reached = access.Udp == ServiceCoverage.Some ? "only some" : "none";
            context.Report(Descriptor, workload.Span, context.IsolatingPolicies(workload, Direction.Egress),
                workload.Kind, workload.Name, reached, service);
        }
    }
}
