using System.Collections.Immutable;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Engine;

/// <summary>
/// A row and column of the matrix: a workload (with all its pods), or a cluster-external address range set that
/// every ipBlock treats alike. <paramref name="Id"/> is unique within one result.
/// </summary>
/// <param name="Kind">The workload kind (<c>Pod</c>, <c>Deployment</c>, …) or <c>External</c>.</param>
public sealed record Subject(
    string Id,
    string Kind,
    string? Namespace,
    string? Name,
    ImmutableSortedDictionary<string, string> Labels,
    Workload? Workload,
    ImmutableArray<IpRange> Ranges)
{
    public const string ExternalKind = "External";

    public bool IsExternal => Workload is null;

    /// <summary>For people: <c>shop/web[Deployment]</c>, or the external id.</summary>
    public string DisplayName => IsExternal ? Id : $"{Namespace}/{Name}[{Kind}]";

    public static Subject ForWorkload(Workload workload, string id)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return new Subject(id, workload.Kind.ToString(), workload.Namespace, workload.Name, workload.Labels, workload, []);
    }

    public static Subject ForExternal(ImmutableArray<IpRange> ranges) =>
        new("ext:" + ranges[0], ExternalKind, null, null, Model.Labels.Empty, null, ranges);
}
