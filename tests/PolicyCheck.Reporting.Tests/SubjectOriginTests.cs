using System.Text.Json;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Reporting.Matrix;
using static PolicyCheck.Reporting.Tests.WriterInputs;

namespace PolicyCheck.Reporting.Tests;

/// <summary>
/// Subjects that are not one object of the inputs say where they come from: a part of a controller that selectors
/// split (docs/workloads.md) names the controller, and a workload an operator creates names its custom resource
/// (docs/operators.md), in the legend and in the JSON.
/// </summary>
public sealed class SubjectOriginTests
{
    private static ReachabilityMatrix Origins()
    {
        var pod = new Workload(WorkloadKind.StatefulSet, "argocd", "redis-0", Labels.Empty, [], 1, false, ["redis-0"], [], SourceSpan.None)
        {
            Controller = new ObjectRef(nameof(WorkloadKind.StatefulSet), "argocd", "redis"),
        };
        var rest = new Workload(WorkloadKind.StatefulSet, "argocd", "redis", Labels.Empty, [], 2, false, ["redis-1", "redis-2"], [], SourceSpan.None)
        {
            Controller = new ObjectRef(nameof(WorkloadKind.StatefulSet), "argocd", "redis"),
        };
        var prometheus = new Workload(WorkloadKind.StatefulSet, "monitoring", "prometheus-k8s", Labels.Empty, [], 2, false, [], [], SourceSpan.None)
        {
            CreatedFrom = new ObjectRef("Prometheus", "monitoring", "k8s"),
        };
        return ReachabilityMatrix.FromConnections(
            [Subject.ForWorkload(pod, pod.Id), Subject.ForWorkload(rest, rest.Id), Subject.ForWorkload(prometheus, prometheus.Id)], []);
    }

    [Test]
    public void Legend_NamesTheControllerOfAPartAndTheResourceOfAnOperatorsWorkload()
    {
        var text = Render(MatrixFormat.Table, Origins());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("[1] argocd/redis-0 (StatefulSet, pod of redis)\n"));
            Assert.That(text, Does.Contain("[2] argocd/redis (StatefulSet, 2 replicas)\n"), "the part keeping the controller's name needs no note");
            Assert.That(text, Does.Contain("[3] monitoring/prometheus-k8s (StatefulSet, 2 replicas, created from Prometheus k8s)\n"));
        }
    }

    private static string Ref(JsonElement reference) =>
        $"{reference.GetProperty("kind").GetString()} {reference.GetProperty("namespace").GetString()}/{reference.GetProperty("name").GetString()}";

    [Test]
    public void Json_CarriesControllerAndCreatedFrom_OnlyWhereKnown()
    {
        using var document = JsonDocument.Parse(Render(MatrixFormat.Json, Origins()));
        var subjects = document.RootElement.GetProperty("subjects");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Ref(subjects[0].GetProperty("controller")), Is.EqualTo("StatefulSet argocd/redis"));
            Assert.That(subjects[0].TryGetProperty("createdFrom", out _), Is.False);
            Assert.That(Ref(subjects[2].GetProperty("createdFrom")), Is.EqualTo("Prometheus monitoring/k8s"));
            Assert.That(subjects[2].TryGetProperty("controller", out _), Is.False);
        }
    }
}
