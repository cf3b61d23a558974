using System.Collections.Immutable;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Lint.Settings;

namespace PolicyCheck.Lint;

/// <summary>What a rule sees (the loaded cluster and its evaluation) and where it reports.</summary>
public sealed class LintContext
{
    private readonly ImmutableArray<Diagnostic>.Builder _diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();

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

    public EvaluationOptions Options { get; }

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
        return Cluster.Workloads.Where(w => w.Namespace == ns && selector.Matches(w.Labels));
    }

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
            .. Cluster.Policies
                .Where(p => p.Namespace == workload.Namespace && p.Affects(direction) && p.PodSelector.Matches(workload.Labels))
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
