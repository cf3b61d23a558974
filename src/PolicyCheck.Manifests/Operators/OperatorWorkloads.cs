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
        if (entry.ForEach is not { } forEach)
            return Create(context, new Scope(root, null, null), metadata, entry);

        // One set of workloads per entry of a list (ECK: a StatefulSet per spec.nodeSets[] entry).
        var workloads = ImmutableArray.CreateBuilder<LoadedWorkload>();
        var pods = ImmutableArray.CreateBuilder<LoadedPod>();
        foreach (var node in context.ReadSequence(Field(root, forEach), forEach)?.Items ?? [])
        {
            if (context.ReadItem(node, forEach) is not { } item)
                continue;
            var itemName = context.ReadString(item["name"], "name");
            if (string.IsNullOrEmpty(itemName))
            {
                context.Reject(LoadDiagnostics.MissingField, item, $"{forEach}[].name");
                continue;
            }

            var (itemWorkloads, itemPods) = Create(context, new Scope(root, item, itemName), metadata, entry);
            workloads.AddRange(itemWorkloads);
            pods.AddRange(itemPods);
        }

        return context.Rejected ? ([], []) : (workloads.ToImmutable(), pods.ToImmutable());
    }

    private static (ImmutableArray<LoadedWorkload> Workloads, ImmutableArray<LoadedPod> Pods) Create(
        ObjectContext context, Scope scope, ObjectMetadata metadata, OperatorEntry entry)
    {
        var copied = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in entry.LabelsFrom)
        {
            foreach (var (key, value) in LabelReader.Read(context, scope.Field(path), path) ?? Labels.Empty)
                copied[key] = value;
        }

        var replicas = Count(context, scope, entry.ReplicasField, entry.DefaultReplicas);
        var ports = Ports(context, scope, entry);
        var span = context.Span(scope.Root);
        if (context.Rejected)
            return ([], []);
        var names = new Names(metadata.Name, scope.ItemName);
        if (entry.Creates == OperatorCreates.Pods)
        {
            var pods = ImmutableArray.CreateBuilder<LoadedPod>(replicas);
            for (var i = 0; i < replicas; i++)
            {
                var podNames = names with { Ordinal = (entry.FirstOrdinal + i).ToString(CultureInfo.InvariantCulture) };
                var podName = podNames.Expand(entry.Name);
                var own = i == 0 ? entry.FirstPodLabels : entry.OtherPodLabels;
                var labels = Label(copied, entry.Labels.Concat(own), podNames with { Pod = podName }, entry.CopiedLabelsWin);
                pods.Add(new LoadedPod(metadata.Namespace, podName, new PodTemplate(labels, ports, HostNetwork: false), null, [], null, span));
            }

            return ([], pods.MoveToImmutable());
        }

        var shards = entry.ShardsField is null ? 1 : Math.Max(1, Count(context, scope, entry.ShardsField, 1));
        var workloads = ImmutableArray.CreateBuilder<LoadedWorkload>(shards);
        for (var shard = 0; shard < shards; shard++)
        {
            var shardNames = names with { Shard = shard.ToString(CultureInfo.InvariantCulture) };
            var name = shardNames.Expand(entry.Name) + (shard == 0 ? string.Empty : shardNames.Expand(entry.ShardSuffix));
            var labels = Label(copied, entry.Labels, shardNames with { Workload = name }, entry.CopiedLabelsWin);
            workloads.Add(new LoadedWorkload(WorkloadKind.StatefulSet, metadata.Namespace, name,
                new PodTemplate(labels, ports, HostNetwork: false), replicas, null, span));
        }

        return (workloads.MoveToImmutable(), []);
    }

    /// <summary>
    /// The copied labels with the operator's on top: they win a clash, as prometheus-operator's and CloudNativePG's do,
    /// unless <paramref name="copiedWin"/> (ECK adds its labels without overriding the user's).
    /// </summary>
    private static ImmutableSortedDictionary<string, string> Label(SortedDictionary<string, string> copied,
        IEnumerable<KeyValuePair<string, string>> own, Names names, bool copiedWin)
    {
        var labels = new SortedDictionary<string, string>(copied, StringComparer.Ordinal);
        foreach (var (key, value) in own)
        {
            if (!copiedWin || !labels.ContainsKey(key))
                labels[key] = names.Expand(value);
        }

        return Labels.From(labels);
    }

    /// <summary>The values of the placeholders: <c>{name}</c>, <c>{item.name}</c>, <c>{workload}</c>, <c>{shard}</c>, <c>{ordinal}</c>, <c>{pod}</c>.</summary>
    private sealed record Names(string Name, string? ItemName)
    {
        public string Shard { get; init; } = "0";

        public string? Workload { get; init; }

        public string? Ordinal { get; init; }

        public string? Pod { get; init; }

        public string Expand(string text)
        {
            var expanded = text.Replace("{name}", Name, StringComparison.Ordinal).Replace("{shard}", Shard, StringComparison.Ordinal);
            if (ItemName is not null)
                expanded = expanded.Replace("{item.name}", ItemName, StringComparison.Ordinal);
            if (Workload is not null)
                expanded = expanded.Replace("{workload}", Workload, StringComparison.Ordinal);
            if (Ordinal is not null)
                expanded = expanded.Replace("{ordinal}", Ordinal, StringComparison.Ordinal);
            return Pod is null ? expanded : expanded.Replace("{pod}", Pod, StringComparison.Ordinal);
        }
    }

    /// <summary>Where field paths are looked up: <c>item.…</c> in the list entry of <c>forEach</c>, anything else in the resource.</summary>
    private sealed record Scope(YamlMapping Root, YamlMapping? Item, string? ItemName)
    {
        public YamlNode? Field(string path) =>
            Item is not null && path.StartsWith("item.", StringComparison.Ordinal)
                ? OperatorWorkloads.Field(Item, path["item.".Length..])
                : OperatorWorkloads.Field(Root, path);
    }

    /// <summary>A count field (replicas, shards); absent or negative gives <paramref name="fallback"/>.</summary>
    private static int Count(ObjectContext context, Scope scope, string? path, int fallback)
    {
        if (path is null)
            return fallback;
        var count = context.ReadInteger(scope.Field(path), path);
        return count is null or < 0 ? fallback : count.Value;
    }

    private static ImmutableArray<ContainerPort> Ports(ObjectContext context, Scope scope, OperatorEntry entry)
    {
        var ports = ImmutableArray.CreateBuilder<ContainerPort>();
        var span = context.Span(scope.Root);
        foreach (var port in entry.Ports)
        {
            if (port.When is { } when && scope.Field(when) is null or YamlScalar { IsNull: true } or YamlScalar { Kind: ScalarKind.Bool, Value: "false" })
                continue;
            if (port.Unless is { } unless && context.ReadBoolean(scope.Field(unless), unless) == true)
                continue;
            var name = port.NameFrom is { } nameFrom ? context.ReadString(scope.Field(nameFrom), nameFrom) : null;
            if (!string.IsNullOrEmpty(name) && PortNameSyntax.CheckServiceName(name) is { } problem)
                context.Reject(LoadDiagnostics.InvalidPortName, scope.Field(port.NameFrom!)!, name, problem); // read from it
            var number = port.NumberFrom is { } numberFrom ? context.ReadPort(scope.Field(numberFrom), numberFrom) : null;
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
