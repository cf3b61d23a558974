using System.Collections.Immutable;
using System.Net;
using PolicyCheck.Core.Model;

namespace PolicyCheck.TestKit;

/// <summary>Configures one workload of a <see cref="ManifestBuilder"/>; defaults to a single-replica Deployment.</summary>
public sealed class WorkloadBuilder
{
    private readonly string _namespace;
    private readonly string _name;
    private readonly List<ContainerPort> _ports = [];
    private readonly List<string> _podNames = [];
    private readonly List<IPAddress> _podIps = [];
    private WorkloadKind _kind = WorkloadKind.Deployment;
    private ImmutableSortedDictionary<string, string> _labels = Core.Model.Labels.Empty;
    private int _replicas = 1;
    private bool _hostNetwork;

    internal WorkloadBuilder(string ns, string name)
    {
        _namespace = ns;
        _name = name;
    }

    public WorkloadBuilder Kind(WorkloadKind kind)
    {
        _kind = kind;
        return this;
    }

    public WorkloadBuilder Labels(params (string Key, string Value)[] pairs)
    {
        _labels = _labels.SetItems(pairs.Select(p => KeyValuePair.Create(p.Key, p.Value)));
        return this;
    }

    /// <summary>Adds a container port; <paramref name="name"/> is what named policy ports refer to.</summary>
    public WorkloadBuilder Port(int number, string? name = null, Protocol protocol = Protocol.Tcp)
    {
        _ports.Add(new ContainerPort(name, number, protocol, SourceSpan.None));
        return this;
    }

    public WorkloadBuilder Replicas(int replicas)
    {
        _replicas = replicas;
        return this;
    }

    /// <summary>Names of loaded pods grouped under the workload (as a live cluster or snapshot would give).</summary>
    public WorkloadBuilder PodNames(params string[] names)
    {
        _podNames.AddRange(names);
        return this;
    }

    public WorkloadBuilder HostNetwork(bool hostNetwork = true)
    {
        _hostNetwork = hostNetwork;
        return this;
    }

    /// <summary>Known pod IPs (<c>status.podIPs</c>).</summary>
    public WorkloadBuilder Ips(params string[] addresses)
    {
        _podIps.AddRange(addresses.Select(IPAddress.Parse));
        return this;
    }

    internal Workload Build(SourceSpan span) =>
        new(_kind, _namespace, _name, _labels, [.. _ports], _replicas, _hostNetwork, [.. _podNames], [.. _podIps], span);
}
