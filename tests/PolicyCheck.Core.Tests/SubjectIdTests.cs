using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Tests;

/// <summary>
/// Issue #12: subject ids are unique by construction. A kind is added only where two workloads share a name, and a
/// name that itself looks like a qualified id (possible in unvalidated input) must not make the matrix fail.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class SubjectIdTests
{
    [Test]
    public void Evaluate_PodNamedLikeQualifiedId_AllIdsDistinct()
    {
        var cluster = new Cluster([], [Pod(WorkloadKind.Deployment, "web"), Pod(WorkloadKind.Pod, "web"), Pod(WorkloadKind.Pod, "web[Deployment]")], [], []);

        var ids = Evaluator.Evaluate(cluster).Subjects.Where(s => !s.IsExternal).ToDictionary(s => $"{s.Kind} {s.Name}", s => s.Id);

        Assert.That(ids, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["Deployment web"] = "shop/web[Deployment]",
            ["Pod web"] = "shop/web[Pod]",
            ["Pod web[Deployment]"] = "shop/web[Deployment]#2",
        }));
    }

    [Test]
    public void Evaluate_DistinctNames_IdsStayPlain()
    {
        var cluster = new Cluster([], [Pod(WorkloadKind.Deployment, "web"), Pod(WorkloadKind.Pod, "db")], [], []);

        var ids = Evaluator.Evaluate(cluster).Subjects.Where(s => !s.IsExternal).Select(s => s.Id);

        Assert.That(ids, Is.EquivalentTo(new[] { "shop/web", "shop/db" }));
    }

    private static Workload Pod(WorkloadKind kind, string name) =>
        new(kind, "shop", name, Labels.Of(("app", name)), [], 1, HostNetwork: false, [], [], SourceSpan.None);
}
