using System.Collections.Immutable;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Manifests.Operators;

/// <summary>
/// One entry of the operator catalogue (docs/operators.md): a custom resource kind and the pods its operator creates.
/// Text in <see cref="Name"/> and label values may hold <c>{name}</c> (the custom resource's name), <c>{shard}</c>
/// (0, 1, …), <c>{ordinal}</c> (a pod's number), <c>{pod}</c> (a pod's name), <c>{workload}</c> (the StatefulSet's
/// name, in labels) and <c>{item.name}</c> (with <see cref="ForEach"/>).
/// </summary>
/// <param name="Name">The StatefulSet's name, or each pod's name for <see cref="OperatorCreates.Pods"/>.</param>
/// <param name="ReplicasField">The field path of the pod count per shard (null: <paramref name="DefaultReplicas"/>).</param>
/// <param name="ShardsField">The field path of the number of shards; null for kinds without shards.</param>
/// <param name="ShardSuffix">Appended to the StatefulSet name for every shard after the first.</param>
/// <param name="FirstOrdinal">The number of the first pod of <see cref="OperatorCreates.Pods"/>.</param>
/// <param name="LabelsFrom">Field paths of label maps copied onto the pods; the operator's own labels win a clash.</param>
/// <param name="FirstPodLabels">Labels of the first pod only (a primary), on top of <paramref name="Labels"/>.</param>
/// <param name="OtherPodLabels">Labels of every pod after the first.</param>
/// <param name="Span">Where the entry is written (the shipped catalogue or a <c>.policycheck.yaml</c>).</param>
public sealed record OperatorEntry(
    string Group,
    string Kind,
    string Operator,
    string? Version,
    string? Source,
    OperatorCreates Creates,
    string Name,
    string? ReplicasField,
    int DefaultReplicas,
    string? ShardsField,
    string ShardSuffix,
    int FirstOrdinal,
    ImmutableArray<string> LabelsFrom,
    ImmutableArray<KeyValuePair<string, string>> Labels,
    ImmutableArray<KeyValuePair<string, string>> FirstPodLabels,
    ImmutableArray<KeyValuePair<string, string>> OtherPodLabels,
    ImmutableArray<OperatorPort> Ports,
    SourceSpan Span)
{
    /// <summary>
    /// A field path of a list: the operator creates the workloads once per entry (ECK: a StatefulSet per node set);
    /// field paths starting <c>item.</c> are then looked up in the entry, and <c>{item.name}</c> is its <c>name</c>.
    /// </summary>
    public string? ForEach { get; init; }

    /// <summary>Whether copied labels win a clash with <see cref="Labels"/> (ECK); by default the operator's win.</summary>
    public bool CopiedLabelsWin { get; init; }

    /// <summary><c>Prometheus.monitoring.coreos.com</c>.</summary>
    public string QualifiedKind => $"{Kind}.{Group}";
}
