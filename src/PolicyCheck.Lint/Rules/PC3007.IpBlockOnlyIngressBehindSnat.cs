using System.Globalization;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;

namespace PolicyCheck.Lint.Rules;

/// <summary>
/// A port of a NodePort or LoadBalancer Service with <c>externalTrafficPolicy: Cluster</c> (the default) whose
/// backends admit outside traffic on the targetPort only through ipBlock rules. That traffic is source-NATed to a
/// node address, so the ipBlocks see a node, not the client. Judged by <see cref="ServiceReachability"/>: a backend
/// whose verdict for outside clients is <see cref="BackendOutcome.DependsOnNodeAddresses"/>.
/// </summary>
public sealed class IpBlockOnlyIngressBehindSnat : LintRule
{
    public override DiagnosticDescriptor Descriptor { get; } = new(
        Id: RuleIds.IpBlockOnlyIngressBehindSnat,
        Name: nameof(IpBlockOnlyIngressBehindSnat),
        Title: "ipBlock-only ingress behind a source-NATed Service",
        MessageFormat: "{0} service '{1}' port {2} has externalTrafficPolicy Cluster, so outside clients arrive " +
                       "source-NATed to a node address, but only ipBlock rules admit them to '{3}' on {4}: the " +
                       "ipBlocks match the nodes, not the clients; set externalTrafficPolicy: Local to keep client " +
                       "addresses.",
        Category: RuleCategory.Services,
        DefaultSeverity: Severity.Warning);

    public override void Analyze(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outside = -1;
        for (var i = 0; i < context.Matrix.Subjects.Length && outside < 0; i++)
        {
            if (context.Matrix.Subjects[i].IsExternal)
                outside = i;
        }

        if (outside < 0)
            return; // no ipBlock in the inputs, so no rule can admit outside traffic by address
        var reachability = new ServiceReachability(context.Cluster, context.Matrix);
        foreach (var service in context.Cluster.Services)
        {
            if (service.Type is not (ServiceType.NodePort or ServiceType.LoadBalancer))
                continue;
            foreach (var port in service.Ports)
            {
                var verdict = reachability.Reach(outside, service, port);
                if (verdict.Route != ServiceRoute.ExternalCluster
                    || verdict.Backends.FirstOrDefault(b => b.Outcome == BackendOutcome.DependsOnNodeAddresses) is not { } backend)
                    continue;
                context.Report(Descriptor, port.Span, context.IsolatingPolicies(backend.Backend, Direction.Ingress),
                    service.Type, service.Name, port.Port.ToString(CultureInfo.InvariantCulture), backend.Backend.Id,
                    $"{port.Protocol.ToApiString()}/{backend.TargetPort?.ToString(CultureInfo.InvariantCulture)}");
            }
        }
    }
}
