using PolicyCheck.Core.Model;

namespace PolicyCheck.Cli.Commands;

/// <summary>Lookups the service views need on top of <see cref="Analysis"/>.</summary>
internal static class ServicesAnalysis
{
    /// <summary>Splits <c>NS/NAME</c>; null when it is not of that form.</summary>
    public static (string Namespace, string Name)? SplitId(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 || slash == text.Length - 1 || text.IndexOf('/', slash + 1) >= 0 ? null : (text[..slash], text[(slash + 1)..]);
    }

    public static Service? FindService(Cluster cluster, string id) =>
        SplitId(id) is var (ns, name) ? cluster.Services.FirstOrDefault(s => s.Namespace == ns && s.Name == name) : null;

    public static Workload? FindWorkload(Cluster cluster, string id) =>
        SplitId(id) is var (ns, name)
            ? cluster.Workloads.FirstOrDefault(w => w.Namespace == ns && (w.Name == name || w.PodNames.Contains(name, StringComparer.Ordinal)))
            : null;
}
