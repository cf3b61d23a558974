using System.Net;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.TestKit;

namespace PolicyCheck.Core.Tests;

/// <summary>
/// One test per rule of the Kubernetes NetworkPolicy semantics (and PolicyCheck's documented choices), split by
/// topic into partial files. Expected port sets are written by hand from the cited text. Every lookup also checks
/// that <see cref="ReferenceEvaluator"/> gives the same answer at every probe port, so the hand-written
/// expectations pin down the reference that the randomized comparison trusts.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed partial class EvaluatorTests
{
    private const string NetworkPoliciesPage = "kubernetes.io/docs/concepts/services-networking/network-policies/";
    private const string LabelsPage = "kubernetes.io/docs/concepts/overview/working-with-objects/labels/";
    private const string ApiReference = "NetworkPolicy v1 API reference (kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/)";

    private static readonly EvaluationOptions IgnorePodIps = new(IpBlockPodMatching.Ignore);

    /// <summary>
    /// What the engine allows from <paramref name="from"/> to <paramref name="to"/>, each a workload id (<c>ns/name</c>)
    /// or an IP address standing for the external subject that contains it.
    /// </summary>
    private static PortSet Allowed(Cluster cluster, string from, string to, EvaluationOptions? options = null)
    {
        options ??= EvaluationOptions.Default;
        var matrix = Evaluator.Evaluate(cluster, options);
        var (fromIndex, fromEndpoint) = Resolve(matrix, from);
        var (toIndex, toEndpoint) = Resolve(matrix, to);
        var allowed = matrix.Allowed(fromIndex, toIndex);
        AssertReferenceAgrees(cluster, allowed, $"{from} -> {to}", (protocol, port) =>
            ReferenceEvaluator.IsAllowed(cluster, fromEndpoint, toEndpoint, protocol, port, options));
        var probes = ProbePorts.For(cluster);
        var batch = ReferenceEvaluator.AllowedAt(cluster, fromEndpoint, toEndpoint, probes, options);
        Assert.That(
            Enumerable.Range(0, probes.Count).Where(i => batch[i] != allowed.Contains(probes[i].Protocol, probes[i].Port)),
            Is.Empty,
            () => $"ReferenceEvaluator.AllowedAt disagrees with the engine ('{allowed}') for {from} -> {to}");
        return allowed;
    }

    private static PortSet? BetweenReplicas(Cluster cluster, string id, EvaluationOptions? options = null)
    {
        options ??= EvaluationOptions.Default;
        var matrix = Evaluator.Evaluate(cluster, options);
        var (index, endpoint) = Resolve(matrix, id);
        var allowed = matrix.BetweenReplicas(index);
        if (allowed is not null)
        {
            AssertReferenceAgrees(cluster, allowed, $"{id} between replicas", (protocol, port) =>
                ReferenceEvaluator.IsAllowedBetweenReplicas(cluster, endpoint.Workload!, protocol, port, options));
        }

        return allowed;
    }

    private static bool IsIsolated(Cluster cluster, string id, Direction direction)
    {
        var matrix = Evaluator.Evaluate(cluster);
        return matrix.IsIsolated(Resolve(matrix, id).Index, direction);
    }

    private static (int Index, Endpoint Endpoint) Resolve(ReachabilityMatrix matrix, string text)
    {
        if (IPAddress.TryParse(text, out var address))
        {
            var (family, value) = AddressNumber.Of(address);
            for (var i = 0; i < matrix.Subjects.Length; i++)
            {
                foreach (var range in matrix.Subjects[i].Ranges)
                {
                    var first = AddressNumber.Of(range.First);
                    var last = AddressNumber.Of(range.Last);
                    if (first.Family == family && first.Value <= value && value <= last.Value)
                        return (i, Endpoint.External(address));
                }
            }

            throw new AssertionException($"No external subject contains {text}.");
        }

        var index = matrix.IndexOf(text);
        if (index < 0)
            throw new AssertionException($"No subject '{text}'.");
        return (index, Endpoint.Pod(matrix.Subjects[index].Workload!));
    }

    private static void AssertReferenceAgrees(Cluster cluster, PortSet allowed, string pair, Func<Protocol, int, bool> reference)
    {
        var disagreements = ProbePorts.For(cluster)
            .Where(p => allowed.Contains(p.Protocol, p.Port) != reference(p.Protocol, p.Port))
            .Select(p => $"{p.Protocol.ToApiString()} {p.Port}")
            .ToList();
        Assert.That(disagreements, Is.Empty, () => $"ReferenceEvaluator disagrees with the engine ('{allowed}') for {pair}");
    }
}
