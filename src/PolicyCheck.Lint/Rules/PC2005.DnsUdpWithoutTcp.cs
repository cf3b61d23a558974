using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// An egress-isolated workload that reaches every backend of the cluster DNS service on UDP 53 but not on TCP 53,
/// judged on the same assessment as PC2003 (which takes the workloads whose UDP is not fully reached, so the two
/// never report the same workload). A DNS service without a TCP 53 port is not the policies' doing and is skipped.
/// The policies that isolate the workload are the related locations.
/// </summary>
public sealed class DnsUdpWithoutTcp : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.DnsUdpWithoutTcp,
        Name: nameof(DnsUdpWithoutTcp),
        Title: "Egress isolation allows DNS over UDP but not TCP",
        MessageFormat: "{0} '{1}' is isolated for egress and reaches the cluster DNS pods ('{2}') on UDP port 53 but " +
                       "{3} of them on TCP port 53, so lookups whose answers are too large for UDP fail; allow egress " +
                       "to them on TCP port 53 too.",
        Category: RuleCategory.Security,
        DefaultSeverity: Severity.Warning);

    public override RuleMetadata Metadata { get; } = RuleMetadata.Security(2.0);

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
            if (access is not { UdpOk: true, TcpOk: false } || access.Tcp == ServiceCoverage.NoEndpoints)
                continue;
            var reached = access.Tcp == ServiceCoverage.Some ? "only some" : "none";
            context.Report(Descriptor, workload.Span, context.IsolatingPolicies(workload, Direction.Egress),
                workload.Kind, workload.Name, service, reached);
        }
    }
}
