using System.Collections.Immutable;
using System.Globalization;
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

    /// <summary>What every outside subject's id starts with.</summary>
    public const string ExternalPrefix = "ext:";

    /// <summary>How many ranges an outside subject's id names before it counts the rest.</summary>
    public const int MaxNamedRanges = 4;

    public bool IsExternal => Workload is null;

    /// <summary>Whether <see cref="Id"/> names every range; past <see cref="MaxNamedRanges"/> it counts the rest.</summary>
    public bool IdNamesEveryRange => Ranges.Length <= MaxNamedRanges;

    /// <summary>Whether the subject is a workload PolicyCheck assumed (the cluster DNS's pods), not one of the inputs.</summary>
    public bool IsAssumed => Workload is { IsAssumed: true };

    /// <summary>
    /// For people, the same name the matrix uses: the <see cref="Id"/> (<c>shop/web</c>, <c>shop/web[Pod]</c> where two
    /// kinds share a name, <c>ext:10.0.0.0/8</c>), so every command names a subject one way.
    /// </summary>
    public string DisplayName => Id;

    /// <summary>
    /// The range of an external subject that holds <paramref name="address"/>, as <see cref="IpInterval.ToShortString"/>
    /// writes it; null for a workload or an address outside every range.
    /// </summary>
    public string? RangeOf(System.Net.IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        foreach (var range in Ranges)
        {
            var interval = IpInterval.FromRange(range);
            if (interval.Contains(address))
                return interval.ToShortString();
        }

        return null;
    }

    public static Subject ForWorkload(Workload workload, string id)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return new Subject(id, workload.Kind.ToString(), workload.Namespace, workload.Name, workload.Labels, workload, []);
    }

    /// <summary>
    /// An outside subject, named by everything it covers: <c>ext:</c> and each range (a CIDR where the range is exactly
    /// one), joined by commas in address order: <c>ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255</c>, <c>ext:::/0</c>.
    /// The ranges are disjoint across subjects, so the name is unique; all of them are of one family.
    /// </summary>
    public static Subject ForExternal(ImmutableArray<IpRange> ranges)
    {
        if (ranges.IsDefaultOrEmpty)
            throw new ArgumentException("An external subject needs at least one range.", nameof(ranges));
        return new(ExternalId(ranges.Select(IpInterval.FromRange)), ExternalKind, null, null, Model.Labels.Empty, null, ranges);
    }

    /// <summary>
    /// The id of an outside subject or range set: <c>ext:</c> and the ranges' short forms, joined by commas. Past
    /// <see cref="MaxNamedRanges"/> ranges the first ones are named and the rest counted (<c>ext:A,B,C,+7 more</c>),
    /// so a subject cut by many ipBlocks keeps a readable name; its <see cref="Ranges"/> still list every range.
    /// </summary>
    public static string ExternalId(IEnumerable<IpInterval> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var all = ranges.ToList();
        if (all.Count <= MaxNamedRanges)
            return ExternalPrefix + string.Join(',', all.Select(r => r.ToShortString()));
        var named = string.Join(',', all.Take(MaxNamedRanges - 1).Select(r => r.ToShortString()));
        return string.Create(CultureInfo.InvariantCulture, $"{ExternalPrefix}{named},+{all.Count - MaxNamedRanges + 1} more");
    }
}
