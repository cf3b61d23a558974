using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;
using PolicyCheck.Lint.Settings;

namespace PolicyCheck.Lint;

/// <summary>What a rule sees (the loaded cluster and its evaluation) and where it reports.</summary>
public sealed class LintContext
{
    private readonly ImmutableArray<Diagnostic>.Builder _diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
    private readonly Dictionary<Service, ServiceEndpoints> _endpoints = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<PolicyRule, ImmutableArray<Workload>> _destinations = new(ReferenceEqualityComparer.Instance);
    private Dictionary<string, List<Workload>>? _workloadsByNamespace;
    private ILookup<string, NetworkPolicy>? _policiesByNamespace;
    private (ClusterDnsAssessment Assessment, Dictionary<Workload, WorkloadDnsAccess> ByWorkload)? _dns;
    private List<(Namespace Namespace, List<Workload> Workloads)>? _namespacesWithWorkloads;

    public LintContext(Cluster cluster, ReachabilityMatrix matrix, EvaluationOptions options, LintSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(options);
        Cluster = cluster;
        Matrix = matrix;
        Options = options;
        Settings = settings ?? LintSettings.Default;
    }

    /// <summary>Rule enablement, severities and parameters from the profile and configuration.</summary>
    public LintSettings Settings { get; }

    /// <summary>The rule <see cref="Linter"/> is running, whose parameters <see cref="Parameter{T}"/> reads.</summary>
    internal LintRule? CurrentRule { get; set; }

    public Cluster Cluster { get; }

    /// <summary>The evaluation of <see cref="Cluster"/> with <see cref="Options"/>.</summary>
    public ReachabilityMatrix Matrix { get; }

    /// <summary>The network plugin model the evaluation and the rules assume.</summary>
    public EvaluationOptions Options { get; }

    /// <summary>
    /// Whether NetworkPolicy does not govern <paramref name="workload"/>: a hostNetwork workload under
    /// <see cref="HostNetworkPodHandling.Ignore"/>, which policies never isolate nor select.
    /// </summary>
    public bool Ungoverned(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return workload.HostNetwork && !Options.SelectsHostNetworkPods;
    }

    public ImmutableArray<Diagnostic> Diagnostics => _diagnostics.ToImmutable();

    /// <summary>Every written, non-empty <c>from</c>/<c>to</c> list, policy by policy, ingress before egress.</summary>
    public IEnumerable<PolicyPeerList> PeerLists()
    {
        foreach (var policy in Cluster.Policies)
        {
            foreach (var rule in policy.Rules(Direction.Ingress).Concat(policy.Rules(Direction.Egress)))
            {
                if (rule.Peers is { Length: > 0 } peers)
                    yield return new PolicyPeerList(policy, rule, peers);
            }
        }
    }

    /// <summary>The workloads of <paramref name="ns"/> whose pod labels <paramref name="selector"/> matches.</summary>
    public IEnumerable<Workload> WorkloadsSelected(string ns, Core.Selectors.LabelSelector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return WorkloadsIn(ns).Where(w => selector.Matches(w.Labels));
    }

    /// <summary>The workloads of namespace <paramref name="ns"/>, in input order (indexed once, so a lookup costs nothing).</summary>
    public IReadOnlyList<Workload> WorkloadsIn(string ns)
    {
        ArgumentNullException.ThrowIfNull(ns);
        return ByNamespace().TryGetValue(ns, out var list) ? list : [];
    }

    /// <summary>
    /// The clause a "selects nothing" finding adds when custom resources of kinds no operator entry describes are in
    /// <paramref name="namespaces"/>: their operators may create the pods the selector looks for. Empty when there
    /// are none.
    /// </summary>
    public string UnmodelledOperatorClause(IEnumerable<string> namespaces) =>
        UnmodelledOperatorKinds(namespaces) is { } kinds ? $", but it may select pods created by the operator of {kinds} (not modelled)" : string.Empty;

    /// <summary>
    /// The kinds of <see cref="Cluster.UnmodelledResources"/> in <paramref name="namespaces"/> (all when null), quoted
    /// and joined by "or", or null when there are none.
    /// </summary>
    public string? UnmodelledOperatorKinds(IEnumerable<string>? namespaces)
    {
        var wanted = namespaces?.ToHashSet(StringComparer.Ordinal);
        var kinds = Cluster.UnmodelledResources
            .Where(r => wanted is null || wanted.Contains(r.Namespace))
            .Select(r => r.Kind)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return kinds.Count == 0 ? null : string.Join(" or ", kinds.Select(k => $"'{k}'"));
    }

    /// <summary>
    /// How each workload reaches the cluster DNS (<see cref="ClusterDns.Assess"/>, which may evaluate a copy of the
    /// cluster with the standard CoreDNS added), assessed once for every rule that asks.
    /// </summary>
    public ClusterDnsAssessment Dns => DnsIndex().Assessment;

    /// <summary>The DNS access of <paramref name="workload"/> in <see cref="Dns"/>, or null when it is not assessed.</summary>
    public WorkloadDnsAccess? DnsAccess(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return DnsIndex().ByWorkload.GetValueOrDefault(workload);
    }

    private (ClusterDnsAssessment Assessment, Dictionary<Workload, WorkloadDnsAccess> ByWorkload) DnsIndex()
    {
        if (_dns is { } known)
            return known;
        var assessment = ClusterDns.Assess(Cluster, Options, Matrix);
        var byWorkload = new Dictionary<Workload, WorkloadDnsAccess>(ReferenceEqualityComparer.Instance);
        foreach (var access in assessment.Workloads)
            byWorkload.TryAdd(access.Workload, access);
        _dns = (assessment, byWorkload);
        return _dns.Value;
    }

    /// <summary>The policies of namespace <paramref name="ns"/>, in input order (indexed once).</summary>
    public IEnumerable<NetworkPolicy> PoliciesIn(string ns)
    {
        ArgumentNullException.ThrowIfNull(ns);
        _policiesByNamespace ??= Cluster.Policies.ToLookup(p => p.Namespace, StringComparer.Ordinal);
        return _policiesByNamespace[ns];
    }

    /// <summary>
    /// The workloads a rule's traffic goes to, where a named port of the rule resolves: for an ingress rule the pods
    /// its policy selects, for an egress rule the pods its selector peers pick (pod selector in the policy's
    /// namespace, or in the namespaces the namespace selector matches), every workload for an egress rule without
    /// peers, none for ipBlock peers. Each workload once, in input order; computed once per rule.
    /// </summary>
    public ImmutableArray<Workload> Destinations(NetworkPolicy policy, PolicyRule rule)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(rule);
        if (_destinations.TryGetValue(rule, out var known))
            return known;
        ImmutableArray<Workload> result;
        if (rule.Direction == Direction.Ingress)
            result = [.. WorkloadsSelected(policy.Namespace, policy.PodSelector)];
        else if (rule.MatchesAllPeers)
            result = Cluster.Workloads;
        else
        {
            var chosen = new HashSet<Workload>(ReferenceEqualityComparer.Instance);
            foreach (var peer in rule.Peers ?? [])
            {
                if (peer.IpBlock is not null)
                    continue;
                if (peer.NamespaceSelector is not { } namespaceSelector)
                {
                    chosen.UnionWith(WorkloadsIn(policy.Namespace).Where(w => peer.PodSelector?.Matches(w.Labels) ?? true));
                    continue;
                }

                foreach (var (ns, workloads) in NamespacesWithWorkloads())
                {
                    if (namespaceSelector.Matches(ns.Labels))
                        chosen.UnionWith(workloads.Where(w => peer.PodSelector?.Matches(w.Labels) ?? true));
                }
            }

            result = [.. Cluster.Workloads.Where(chosen.Contains)];
        }

        _destinations[rule] = result;
        return result;
    }

    /// <summary>The endpoints of <paramref name="service"/>, as <see cref="ServiceEndpoints.Of"/> finds them, computed once per Service.</summary>
    public ServiceEndpoints Endpoints(Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (_endpoints.TryGetValue(service, out var known))
            return known;
        ServiceEndpoints result;
        if (service.Type == ServiceType.ExternalName || service.Selector is not { Count: > 0 })
        {
            result = ServiceEndpoints.Of(Cluster, service); // no selector: no workload is looked at
        }
        else
        {
            var selector = service.Selector;
            result = new ServiceEndpoints(service, EndpointsSource.Selector,
            [
                .. WorkloadsIn(service.Namespace).Where(w => (w.Replicas > 0 || w.PodNames.Length > 0) &&
                    selector.All(pair => w.Labels.TryGetValue(pair.Key, out var value) && value == pair.Value)),
            ]);
        }

        _endpoints[service] = result;
        return result;
    }

    private Dictionary<string, List<Workload>> ByNamespace()
    {
        if (_workloadsByNamespace is { } index)
            return index;
        index = new Dictionary<string, List<Workload>>(StringComparer.Ordinal);
        foreach (var workload in Cluster.Workloads)
        {
            if (!index.TryGetValue(workload.Namespace, out var list))
                index[workload.Namespace] = list = [];
            list.Add(workload);
        }

        return _workloadsByNamespace = index;
    }

    /// <summary>Each namespace that has workloads, with its labels (declared or the built-in name label) and workloads.</summary>
    private List<(Namespace Namespace, List<Workload> Workloads)> NamespacesWithWorkloads() =>
        _namespacesWithWorkloads ??= [.. ByNamespace().Select(pair => (Cluster.FindNamespace(pair.Key), pair.Value))];

    /// <summary>Every workload of the inputs with its subject index in <see cref="Matrix"/>, in matrix order.</summary>
    public IEnumerable<WorkloadSubject> Workloads()
    {
        for (var i = 0; i < Matrix.Subjects.Length; i++)
        {
            if (Matrix.Subjects[i].Workload is { } workload)
                yield return new WorkloadSubject(workload, i);
        }
    }

    /// <summary>The spans of the policies that select <paramref name="workload"/> and affect <paramref name="direction"/>.</summary>
    public ImmutableArray<SourceSpan> IsolatingPolicies(Workload workload, Direction direction)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return
        [
            .. PoliciesIn(workload.Namespace)
                .Where(p => p.Affects(direction) && p.PodSelector.Matches(workload.Labels))
                .Select(p => p.Span),
        ];
    }

    /// <summary>
    /// The value of <paramref name="parameter"/> for the running rule: what the settings give it, else its default.
    /// Settings are validated before rules run (<see cref="LintSettings.Validate"/>), so a value that does not read
    /// here is a bug of the caller.
    /// </summary>
    public T Parameter<T>(RuleParameter<T> parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (CurrentRule is null || !Settings.For(CurrentRule.Descriptor.Id).Parameters.TryGetValue(parameter.Name, out var value))
            return parameter.Default;
        if (!parameter.TryRead(value, out var result, out var error))
            throw new InvalidOperationException($"Settings were not validated before linting: {error}");
        return result;
    }

    public void Report(DiagnosticDescriptor descriptor, SourceSpan span, params object?[] arguments) =>
        Report(descriptor, span, [], arguments);

    /// <summary>Reports a finding at <paramref name="span"/>, with other places that explain it in <paramref name="related"/>.</summary>
    public void Report(DiagnosticDescriptor descriptor, SourceSpan span, ImmutableArray<SourceSpan> related, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(arguments);
        _diagnostics.Add(new Diagnostic(descriptor, span, [.. arguments], related.IsDefault ? [] : related)
        {
            SeverityOverride = Settings.For(descriptor.Id).Severity,
        });
    }
}
