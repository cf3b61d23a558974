using System.Collections.Immutable;

namespace PolicyCheck.Core.Model;

/// <summary>Everything loaded from the inputs: the graph the engine, explain and lint work on.</summary>
public sealed record Cluster(
    ImmutableArray<Namespace> Namespaces,
    ImmutableArray<Workload> Workloads,
    ImmutableArray<Service> Services,
    ImmutableArray<NetworkPolicy> Policies)
{
    public static Cluster Empty { get; } = new([], [], [], []);

    /// <summary>
    /// Custom resources of kinds no operator entry describes (see docs/operators.md): their operators may create pods
    /// the inputs do not show, so a selector that matches nothing in their namespace may still select those pods.
    /// </summary>
    public ImmutableArray<CustomResource> UnmodelledResources { get; init; } = [];

    /// <summary>
    /// Policies of kinds PolicyCheck does not evaluate (Cilium, Calico, Antrea, Istio): the verdicts leave out what
    /// they allow or deny for the pods they select.
    /// </summary>
    public ImmutableArray<CustomResource> UnevaluatedPolicies { get; init; } = [];

    /// <summary>The namespace named <paramref name="name"/>, or an undeclared one carrying only the name label.</summary>
    public Namespace FindNamespace(string name) =>
        Namespaces.FirstOrDefault(n => n.Name == name) ??
        new Namespace(name, Labels.Of((Namespace.NameLabel, name)), Declared: false, SourceSpan.None);
}
