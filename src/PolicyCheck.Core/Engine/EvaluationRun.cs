using System.Collections.Immutable;
using System.Globalization;
using System.Net.Sockets;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Engine;

/// <summary>
/// One evaluation, as a short pipeline of phases. Each phase takes the results of the earlier ones as arguments
/// and returns an immutable result; none reads another's fields, so each file can be read alone:
/// <list type="number">
/// <item><see cref="AddressPartition"/>: the distinct ipBlocks and the outside address groups they tell apart.</item>
/// <item><see cref="WorkloadClasses"/>: workloads in subject order and the equivalence classes no selector, named
/// port or ipBlock can tell apart.</item>
/// <item><see cref="RuleCompiler"/>: selectors to bit sets over nodes (<see cref="NodeLayout"/>: classes, then
/// external groups), ports to atoms (<see cref="PortAtoms"/>), giving <see cref="CompiledPolicies"/>.</item>
/// <item><see cref="StageChain"/> over the <see cref="IDirectionStage"/>s (today only
/// <see cref="NetworkPolicyStage"/>), then <see cref="CellBuilder"/>: the cells, row by row, as patterns plus
/// sparse overrides.</item>
/// <item><see cref="EquivalenceGroups"/>: nodes with identical rows and columns.</item>
/// </list>
/// The matrix is assembled here from those results.
/// </summary>
internal sealed class EvaluationRun
{
    private readonly Cluster _cluster;
    private readonly EvaluationOptions _options;
    private readonly IProgress<AnalysisProgress>? _progress;
    private readonly CancellationToken _cancellationToken;

    public EvaluationRun(Cluster cluster, EvaluationOptions options, IProgress<AnalysisProgress>? progress, CancellationToken cancellationToken)
    {
        _cluster = cluster;
        _options = options;
        _progress = progress;
        _cancellationToken = cancellationToken;
    }

    public ReachabilityMatrix Run()
    {
        var policies = _cluster.Policies.Where(p => p.AffectsIngress || p.AffectsEgress).ToList();
        var addresses = AddressPartition.Build(policies);
        var classes = WorkloadClasses.Build(_cluster, policies, addresses.Blocks, _options);
        var layout = new NodeLayout(classes.Classes.Length, addresses.Groups.Length);
        var compiled = RuleCompiler.Compile(policies, layout, classes, addresses, _options);
        var chain = new StageChain(layout, [new NetworkPolicyStage(layout, classes.Classes, compiled)]);
        var cells = new CellBuilder(chain, compiled.Atoms, _progress, _cancellationToken).Build();
        var nodeGroups = EquivalenceGroups.Compute(chain, classes.Classes, cells.RowGroups);
        return Assemble(_options, classes, addresses, compiled, cells, nodeGroups);
    }

    private static ReachabilityMatrix Assemble(
        EvaluationOptions options,
        WorkloadClasses classes, AddressPartition addresses, CompiledPolicies compiled, CellTable cells, int[] nodeGroups)
    {
        var workloads = classes.Workloads;
        var layout = new NodeLayout(classes.Classes.Length, addresses.Groups.Length);
        var ids = SubjectIds(workloads);
        var subjects = ImmutableArray.CreateBuilder<Subject>(workloads.Length + addresses.Groups.Length);
        var subjectNode = new List<int>();
        var ingress = new List<bool>();
        var egress = new List<bool>();
        for (var i = 0; i < workloads.Length; i++)
        {
            var c = classes.ClassOf[i];
            var cls = classes.Classes[c];
            subjects.Add(Subject.ForWorkload(workloads[i], ids[i]));
            subjectNode.Add(c);
            ingress.Add(compiled.IsIsolated(c, Direction.Ingress) && !cls.HostNetwork);
            egress.Add(compiled.IsIsolated(c, Direction.Egress) && !cls.HostNetwork);
        }

        var groups = addresses.Groups;
        var externalOrder = Enumerable.Range(0, groups.Length)
            .OrderBy(g => groups[g].Ranges[0].Family == AddressFamily.InterNetwork ? 0 : 1)
            .ThenBy(g => groups[g].Ranges[0].First);
        foreach (var g in externalOrder)
        {
            subjects.Add(Subject.ForExternal([.. groups[g].Ranges.Select(r => r.ToRange())]));
            subjectNode.Add(layout.ExternalNode(g));
            ingress.Add(false);
            egress.Add(false);
        }

        return new ReachabilityMatrix(subjects.MoveToImmutable(), [.. subjectNode], cells.Bases, cells.RowBase, cells.OverrideColumns,
            cells.OverrideValues, cells.PortSets, [.. ingress], [.. egress],
            [.. subjectNode.Select(c => nodeGroups[c])])
        { Options = options };
    }

    /// <summary>
    /// <c>ns/name</c>, or <c>ns/name[Kind]</c> where two workloads of different kinds share a name. Ids are unique by
    /// construction: a name that itself reads like a qualified id (a Pod <c>web[Deployment]</c> beside a Deployment
    /// <c>web</c>, possible where names were not validated) gets <c>#2</c>, <c>#3</c>… in workload order.
    /// </summary>
    internal static string[] SubjectIds(ImmutableArray<Workload> workloads)
    {
        var counts = workloads.GroupBy(w => w.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var ids = workloads.Select(w => counts[w.Id] > 1 ? $"{w.Id}[{w.Kind}]" : w.Id).ToArray();
        var taken = new HashSet<string>(ids.Length, StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids)
            seen[id] = seen.GetValueOrDefault(id) + 1;
        foreach (var (id, count) in seen)
        {
            if (count == 1)
                taken.Add(id);
        }

        for (var i = 0; i < ids.Length; i++)
        {
            if (seen[ids[i]] == 1)
                continue;
            var id = ids[i];
            for (var n = 2; !taken.Add(ids[i]); n++)
                ids[i] = string.Create(CultureInfo.InvariantCulture, $"{id}#{n}");
        }

        return ids;
    }
}
