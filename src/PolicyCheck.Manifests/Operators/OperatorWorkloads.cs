using System.Collections.Immutable;
using System.Globalization;
using PolicyCheck.Core.Model;
using PolicyCheck.Manifests.Objects;
using PolicyCheck.Manifests.Syntax;
using PolicyCheck.Yaml;

namespace PolicyCheck.Manifests.Operators;

/// <summary>
/// What an operator creates for one custom resource, as <see cref="OperatorEntry"/> describes it: the StatefulSets
/// (one per shard) or the pods, with the labels and ports the operator gives them. Their span is the custom
/// resource's, so findings about them point at it.
/// </summary>
internal static class OperatorWorkloads
{
    public static (ImmutableArray<LoadedWorkload> Workloads, ImmutableArray<LoadedPod> Pods) Create(
        ObjectContext context, YamlMapping root, ObjectMetadata metadata, OperatorEntry entry)
    {
        var copied = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in entry.LabelsFrom)
        {
            foreach (var (key, value) in LabelReader.Read(context, Field(root, path), path) ?? Labels.Empty)
                copied[key] = value;
        }

        var replicas = Count(context, root, entry.ReplicasField, entry.DefaultReplicas);
        var ports = Ports(context, root, entry);
        var span = context.Span(root);
        if (context.Rejected)
            return ([], []);
        if (entry.Creates == OperatorCreates.Pods)
        {
            var pods = ImmutableArray.CreateBuilder<LoadedPod>(replicas);
            for (var i = 0; i < replicas; i++)
            {
                var ordinal = (entry.FirstOrdinal + i).ToString(CultureInfo.InvariantCulture);
                var podName = Expand(entry.Name, metadata.Name, "0", ordinal, pod: null);
                var own = i == 0 ? entry.FirstPodLabels : entry.OtherPodLabels;
                var labels = Label(copied, entry.Labels.Concat(own), metadata.Name, "0", ordinal, podName);
                pods.Add(new LoadedPod(metadata.Namespace, podName, new PodTemplate(labels, ports, HostNetwork: false), null, [], null, span));
            }

            return ([], pods.MoveToImmutable());
        }

        var shards = entry.ShardsField is null ? 1 : Math.Max(1, Count(context, root, entry.ShardsField, 1));
        var workloads = ImmutableArray.CreateBuilder<LoadedWorkload>(shards);
        for (var shard = 0; shard < shards; shard++)
        {
            var shardText = shard.ToString(CultureInfo.InvariantCulture);
            var name = Expand(entry.Name, metadata.Name, shardText, ordinal: null, pod: null) +
                (shard == 0 ? string.Empty : Expand(entry.ShardSuffix, metadata.Name, shardText, ordinal: null, pod: null));
            var labels = Label(copied, entry.Labels, metadata.Name, shardText, ordinal: null, pod: null);
            workloads.Add(new LoadedWorkload(WorkloadKind.StatefulSet, metadata.Namespace, name,
                new PodTemplate(labels, ports, HostNetwork: false), replicas, null, span));
        }

        return (workloads.MoveToImmutable(), []);
    }

    /// <summary>The copied labels with the operator's on top (they win a clash, as the operators do).</summary>
    private static ImmutableSortedDictionary<string, string> Label(SortedDictionary<string, string> copied,
        IEnumerable<KeyValuePair<string, string>> own, string name, string shard, string? ordinal, string? pod)
    {
        var labels = new SortedDictionary<string, string>(copied, StringComparer.Ordinal);
        foreach (var (key, value) in own)
            labels[key] = Expand(value, name, shard, ordinal, pod);
        return Labels.From(labels);
    }

    private static string Expand(string text, string name, string shard, string? ordinal, string? pod)
    {
        var expanded = text.Replace("{name}", name, StringComparison.Ordinal).Replace("{shard}", shard, StringComparison.Ordinal);
        if (ordinal is not null)
            expanded = expanded.Replace("{ordinal}", ordinal, StringComparison.Ordinal);
        return pod is null ? expanded : expanded.Replace("{pod}", pod, StringComparison.Ordinal);
    }

    /// <summary>A count field (replicas, shards); absent or negative gives <paramref name="fallback"/>.</summary>
    private static int Count(ObjectContext context, YamlMapping root, string? path, int fallback)
    {
        if (path is null)
            return fallback;
        var count = context.ReadInteger(Field(root, path), path);
        return count is null or < 0 ? fallback : count.Value;
    }

    private static ImmutableArray<ContainerPort> Ports(ObjectContext context, YamlMapping root, OperatorEntry entry)
    {
        var ports = ImmutableArray.CreateBuilder<ContainerPort>();
        var span = context.Span(root);
        foreach (var port in entry.Ports)
        {
            if (port.When is { } when && Field(root, when) is null or YamlScalar { IsNull: true } or YamlScalar { Kind: ScalarKind.Bool, Value: "false" })
                continue;
            if (port.Unless is { } unless && context.ReadBoolean(Field(root, unless), unless) == true)
                continue;
            var name = port.NameFrom is { } nameFrom ? context.ReadString(Field(root, nameFrom), nameFrom) : null;
            if (!string.IsNullOrEmpty(name) && PortNameSyntax.CheckServiceName(name) is { } problem)
                context.Reject(LoadDiagnostics.InvalidPortName, Field(root, port.NameFrom!)!, name, problem); // read from it
            var number = port.NumberFrom is { } numberFrom ? context.ReadPort(Field(root, numberFrom), numberFrom) : null;
            ports.Add(new ContainerPort(string.IsNullOrEmpty(name) ? port.Name : name, number ?? port.Number, port.Protocol, span));
        }

        return ports.ToImmutable();
    }

    /// <summary>The node at a dot-separated field path of the object, or null when some key on the way is absent.</summary>
    public static YamlNode? Field(YamlMapping root, string path)
    {
        YamlNode? node = root;
        foreach (var key in path.Split('.'))
            node = (node as YamlMapping)?[key];
        return node;
    }
}
