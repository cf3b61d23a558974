using System.Globalization;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Exposure;
using PolicyCheck.Core.Model;
using PolicyCheck.Reporting.List;

namespace PolicyCheck.Reporting.Tests;

/// <summary>
/// Every line of <c>list</c>'s exposure summary, as the text writer prints it, against the same lines built here from
/// the definitions in docs/list-output.md with plain loops over the matrix cells (and, for isolation, over the
/// cluster's policies), on seeded random clusters. Nothing of <see cref="ExposureAnalysis"/> is reused to build the
/// expected lines: only the cells and the port-set text.
/// </summary>
[Category(TestCategories.Randomized)]
[Parallelizable(ParallelScope.Fixtures)]
public sealed class ExposureSummaryRandomizedTests
{
    [TestCase(ClusterShape.Small, 600)]
    [TestCase(ClusterShape.Wide, 25)]
    public void SummaryLines_RandomClusters_FollowTheDefinitionsOnTheMatrix(ClusterShape shape, int seeds)
    {
        var oneNamespace = 0;
        for (var seed = 1; seed <= seeds; seed++)
        {
            var cluster = RandomCluster.Generate(seed, shape);
            var matrix = Evaluator.Evaluate(cluster);
            if (matrix.Subjects.Where(s => !s.IsExternal).Select(s => s.Namespace).Distinct().Count() == 1)
                oneNamespace++;

            var actual = SummaryText(matrix);

            Assert.That(actual, Is.EqualTo(ExpectedLines(cluster, matrix)), () => $"{shape} seed {seed}\n{ClusterDump.ToYaml(cluster)}");
        }

        if (shape == ClusterShape.Small)
            Assert.That(oneNamespace, Is.GreaterThan(0), "no random cluster put all its workloads in one namespace");
    }

    private static List<string> SummaryText(ReachabilityMatrix matrix)
    {
        var report = ListReport.ForAll(matrix, ExposureAnalysis.Analyze(matrix)) with { ListConnections = false };
        using var output = new StringWriter { NewLine = "\n" };
        ListWriters.Create(ListFormat.Text).Write(report, output);
        return [.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    /// <summary>The summary as docs/list-output.md defines each section, from the cells one caller at a time.</summary>
    private static List<string> ExpectedLines(Cluster cluster, ReachabilityMatrix matrix)
    {
        var all = Enumerable.Range(0, matrix.Subjects.Length).ToList();
        var workloads = all.Where(i => !matrix.Subjects[i].IsExternal).ToList();
        var externals = all.Where(i => matrix.Subjects[i].IsExternal).ToList();
        var namespaces = workloads.Select(i => matrix.Subjects[i].Namespace).Distinct().Count();
        var lines = new List<string>();

        lines.Add(string.Create(CultureInfo.InvariantCulture, $"Open to the whole cluster (every other workload may connect; {workloads.Count} workloads):"));
        Section(lines, workloads, t =>
        {
            var others = workloads.Where(o => o != t).ToList();
            var open = others.Count == 0 ? PortSet.None : others.Aggregate(PortSet.All, (set, o) => set.Intersect(matrix.Allowed(o, t)));
            return open.IsEmpty ? [] : [$"  {matrix.Subjects[t].DisplayName} : {open}"];
        });

        lines.Add(string.Create(CultureInfo.InvariantCulture, $"Open to all namespaces (some workload in every namespace may connect; {namespaces} namespaces hold workloads):"));
        Section(lines, workloads, t =>
        {
            var others = workloads.Where(o => o != t).ToList();
            if (!others.Any(o => matrix.Subjects[o].Namespace != matrix.Subjects[t].Namespace))
                return [];
            var open = PortSet.All;
            foreach (var ns in others.Select(o => matrix.Subjects[o].Namespace).Distinct())
            {
                var fromNamespace = PortSet.None;
                foreach (var o in others.Where(o => matrix.Subjects[o].Namespace == ns))
                    fromNamespace = fromNamespace.Union(matrix.Allowed(o, t));
                open = open.Intersect(fromNamespace);
            }

            return open.IsEmpty ? [] : [$"  {matrix.Subjects[t].DisplayName} : {open}"];
        });

        lines.Add($"Open to outside addresses ({externals.Count} outside {(externals.Count == 1 ? "subject" : "subjects")}):");
        Section(lines, workloads, t => Outside(matrix, externals, t));

        lines.Add("Not isolated for ingress (every connection in is allowed):");
        Section(lines, workloads, t => Isolated(cluster, matrix.Subjects[t].Workload!, Direction.Ingress) ? [] : [$"  {matrix.Subjects[t].DisplayName}"]);
        lines.Add("Not isolated for egress (every connection out is allowed):");
        Section(lines, workloads, t => Isolated(cluster, matrix.Subjects[t].Workload!, Direction.Egress) ? [] : [$"  {matrix.Subjects[t].DisplayName}"]);
        return lines;
    }

    private static void Section(List<string> lines, List<int> workloads, Func<int, List<string>> linesOf)
    {
        var items = workloads.SelectMany(linesOf).ToList();
        lines.AddRange(items.Count == 0 ? ["  (none)"] : items);
    }

    private static List<string> Outside(ReachabilityMatrix matrix, List<int> externals, int t)
    {
        var union = PortSet.None;
        var every = externals.Count == 0 ? PortSet.None : PortSet.All;
        var sources = new List<string>();
        foreach (var e in externals)
        {
            var allowed = matrix.Allowed(e, t);
            union = union.Union(allowed);
            every = every.Intersect(allowed);
            if (!allowed.IsEmpty)
                sources.Add($"    {matrix.Subjects[e].Id} : {allowed}" +
                    (matrix.Subjects[e].Ranges.Length > Subject.MaxNamedRanges ? $" ({string.Join(", ", matrix.Subjects[e].Ranges)})" : ""));
        }

        var name = matrix.Subjects[t].DisplayName;
        if (union.IsEmpty)
            return [];
        if (every.Equals(union))
            return [$"  {name} : {union}, from every outside address"];
        var head = every.IsEmpty
            ? string.Create(CultureInfo.InvariantCulture, $"  {name} : {union}, from {sources.Count} of {externals.Count} outside subjects")
            : $"  {name} : {union}, from every outside address: {every}";
        return [head, .. sources];
    }

    /// <summary>
    /// k8s docs: a pod is isolated for a direction when some policy of its namespace that applies to that direction
    /// selects it; hostNetwork pods are never governed by NetworkPolicy (docs/semantics.md).
    /// </summary>
    private static bool Isolated(Cluster cluster, Workload workload, Direction direction) =>
        !workload.HostNetwork && cluster.Policies.Any(p =>
            p.Namespace == workload.Namespace && p.Affects(direction) && p.PodSelector.Matches(workload.Labels));
}
