using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Explain;
using PolicyCheck.TestKit;

namespace PolicyCheck.Core.Tests;

/// <summary>
/// Explain between replicas must never disagree with the matrix's diagonal: on seeded random clusters, for every
/// workload with several pods, the explained set equals <see cref="ReachabilityMatrix.BetweenReplicas"/> (which the
/// reference evaluator checks in <see cref="ReferenceComparison"/>), and for a few ports the yes/no equals
/// <see cref="PortQuery.IsAllowedBetweenReplicas"/>.
/// </summary>
[TestFixture(IpBlockPodMatching.Match, HostNetworkPodHandling.Ignore, EndPortHandling.Honor, SctpSupport.Supported)]
[TestFixture(IpBlockPodMatching.Ignore, HostNetworkPodHandling.Ignore, EndPortHandling.Honor, SctpSupport.Supported)]
[TestFixture(IpBlockPodMatching.Match, HostNetworkPodHandling.Select, EndPortHandling.Honor, SctpSupport.Supported)]
[TestFixture(IpBlockPodMatching.Ignore, HostNetworkPodHandling.Select, EndPortHandling.Ignore, SctpSupport.Unsupported)]
[Category(TestCategories.Randomized)]
[Parallelizable(ParallelScope.Fixtures)]
public sealed class ExplainerReplicasRandomizedTests(IpBlockPodMatching ipBlockPods, HostNetworkPodHandling hostNetworkPods, EndPortHandling endPort, SctpSupport sctp)
{
    private const int Seeds = 1500;

    private static readonly PortQuery[] Ports = [PortQuery.Of(80), PortQuery.Of(53, Model.Protocol.Udp), PortQuery.Named("http")];

    private readonly EvaluationOptions _options = new(ipBlockPods, hostNetworkPods, endPort, sctp);

    [Test]
    public void ExplainBetweenReplicas_RandomClusters_AgreesWithDiagonal()
    {
        var checkedWorkloads = 0;
        for (var seed = 0; seed < Seeds; seed++)
        {
            var cluster = RandomCluster.Generate(seed, ClusterShape.Small);
            var matrix = Evaluator.Evaluate(cluster, _options);
            for (var i = 0; i < matrix.Subjects.Length; i++)
            {
                if (matrix.BetweenReplicas(i) is not { } expected)
                    continue;
                checkedWorkloads++;
                var subject = matrix.Subjects[i];
                var explained = Explainer.ExplainBetweenReplicas(cluster, subject, _options);
                Assert.That(explained.Allowed, Is.EqualTo(expected), $"seed {seed} ({_options}): {subject.Id} between replicas");
                Assert.That(explained.Verdict.Allowed, Is.EqualTo(!expected.IsEmpty), $"seed {seed}: {subject.Id} verdict");
                foreach (var port in Ports)
                {
                    var answer = Explainer.ExplainBetweenReplicas(cluster, subject, _options, port);
                    Assert.That(answer.Verdict.Allowed, Is.EqualTo(port.IsAllowedBetweenReplicas(matrix, i) == true), $"seed {seed}: {subject.Id} on {port}");
                }
            }
        }

        Assert.That(checkedWorkloads, Is.GreaterThan(Seeds / 10), "the random clusters had too few workloads with several pods");
    }
}
