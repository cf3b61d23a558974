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

    /// <summary>The namespace named <paramref name="name"/>, or an undeclared one carrying only the name label.</summary>
    public Namespace FindNamespace(string name) =>
        Namespaces.FirstOrDefault(n => n.Name == name) ??
        new Namespace(name, Labels.Of((Namespace.NameLabel, name)), Declared: false, SourceSpan.None);
}
