using PolicyCheck.Core.Model;
using NamespaceModel = PolicyCheck.Core.Model.Namespace;

namespace PolicyCheck.TestKit;

/// <summary>
/// Builds a <see cref="Cluster"/> straight from Core model objects, without YAML. Objects are named <c>ns/name</c>;
/// each gets a distinct fake span in <c>builder.yaml</c> so that evidence pointing at them can be told apart.
/// </summary>
/// <example><code>
/// var cluster = new ManifestBuilder()
///     .Namespace("shop", ("team", "a"))
///     .Workload("shop/web", w => w.Labels(("app", "web")).Port(8080, "http"))
///     .Policy("shop/only-api", p => p.Select(("app", "web")).Ingress(r => r.Pods(("app", "api")).Port("http")))
///     .Build();
/// </code></example>
public sealed class ManifestBuilder
{
    public const string SpanPath = "builder.yaml";

    private readonly List<NamespaceModel> _namespaces = [];
    private readonly List<Workload> _workloads = [];
    private readonly List<NetworkPolicy> _policies = [];
    private int _line;

    /// <summary>Declares a namespace; like the API server, adds <c>kubernetes.io/metadata.name</c>.</summary>
    public ManifestBuilder Namespace(string name, params (string Key, string Value)[] labels)
    {
        var all = Labels.Of(labels).SetItem(NamespaceModel.NameLabel, name);
        _namespaces.Add(new NamespaceModel(name, all, Declared: true, NextSpan()));
        return this;
    }

    public ManifestBuilder Workload(string id, Action<WorkloadBuilder>? configure = null)
    {
        var (ns, name) = Split(id);
        var builder = new WorkloadBuilder(ns, name);
        configure?.Invoke(builder);
        _workloads.Add(builder.Build(NextSpan()));
        return this;
    }

    /// <summary>A single-replica Deployment with the given labels and no ports.</summary>
    public ManifestBuilder Workload(string id, params (string Key, string Value)[] labels) =>
        Workload(id, w => w.Labels(labels));

    public ManifestBuilder Policy(string id, Action<PolicyBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var (ns, name) = Split(id);
        var builder = new PolicyBuilder();
        configure(builder);
        _policies.Add(builder.Build(ns, name, NextSpan));
        return this;
    }

    public Cluster Build() => new([.. _namespaces], [.. _workloads], [], [.. _policies]);

    private SourceSpan NextSpan() => SourceSpan.At(SpanPath, ++_line, 1);

    private static (string Namespace, string Name) Split(string id)
    {
        var slash = id.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == id.Length - 1)
            throw new ArgumentException($"'{id}' is not of the form 'namespace/name'.", nameof(id));
        return (id[..slash], id[(slash + 1)..]);
    }
}
