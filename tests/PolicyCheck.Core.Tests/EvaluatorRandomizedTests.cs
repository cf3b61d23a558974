using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.TestKit;

namespace PolicyCheck.Core.Tests;

/// <summary>
/// The fast engine against the plain <see cref="ReferenceEvaluator"/> on seeded random clusters, cell by cell at
/// every port where an answer can change and at every address where an external group can start or end. Set
/// <c>POLICYCHECK_SEEDS</c> to <c>first:count</c> (or one seed) to replay or widen the run.
/// </summary>
[TestFixture(IpBlockPodMatching.Match)]
[TestFixture(IpBlockPodMatching.Ignore)]
[Parallelizable(ParallelScope.Fixtures)]
public sealed class EvaluatorRandomizedTests(IpBlockPodMatching ipBlockPods)
{
    private const int DefaultSeeds = 6000;
    private const int DefaultWideSeeds = 30;
    private const int BitsPerWord = 64;
    private const int MaxReportedSeeds = 10;

    private readonly EvaluationOptions _options = new(ipBlockPods);

    [Test]
    public void Evaluate_RandomClusters_AgreesWithReference()
    {
        var (first, count) = SeedRange(DefaultSeeds);
        _ = AssertAgreement(first, count, ClusterShape.Small);
    }

    [Test]
    [Description("Wide clusters push port atoms and matrix nodes past 64, so the engine's bit sets span several words.")]
    public void Evaluate_WideRandomClusters_AgreesWithReference()
    {
        var (first, count) = SeedRange(DefaultWideSeeds);
        var widest = AssertAgreement(first, count, ClusterShape.Wide);

        if (count >= DefaultWideSeeds)
            Assert.That(widest, Is.GreaterThan(BitsPerWord), "no wide cluster had more matrix nodes than one bit-set word holds");
    }

    [Test]
    public void Evaluate_RandomClusters_ExternalRangesPartitionBothAddressSpaces()
    {
        var (first, count) = SeedRange(DefaultSeeds);
        for (var seed = first; seed < first + count; seed += 7)
        {
            var cluster = RandomCluster.Generate(seed);
            var failure = CheckPartition(Evaluator.Evaluate(cluster, _options));
            Assert.That(failure, Is.Null, () => $"seed {seed}: {failure}\n{ClusterDump.ToYaml(cluster)}");
        }
    }

    [Test]
    public void Generate_SameSeed_SameCluster()
    {
        var first = ClusterDump.ToYaml(RandomCluster.Generate(42));
        var second = ClusterDump.ToYaml(RandomCluster.Generate(42));

        Assert.That(second, Is.EqualTo(first));
    }

    /// <summary>Compares every seed of the range; returns the largest node count (classes plus external groups) seen.</summary>
    private int AssertAgreement(int first, int count, ClusterShape shape)
    {
        var widest = 0;
        var failures = new List<string>();
        var failingSeeds = new List<int>();
        var stopwatch = Stopwatch.StartNew();
        for (var seed = first; seed < first + count; seed++)
        {
            var cluster = RandomCluster.Generate(seed, shape);
            var matrix = Evaluator.Evaluate(cluster, _options);
            widest = Math.Max(widest, matrix.ClassCount);
            var failure = Compare(cluster, matrix);
            if (failure is null)
                continue;
            failingSeeds.Add(seed);
            if (failures.Count < 1)
                failures.Add($"seed {seed} ({shape}, {_options.IpBlockPods}): {failure}\n{ClusterDump.ToYaml(cluster)}");
        }

        TestContext.Out.WriteLine($"{count} {shape} seeds from {first} in {stopwatch.Elapsed.TotalSeconds:F1} s ({_options.IpBlockPods}).");
        Assert.That(
            failingSeeds,
            Is.Empty,
            () => $"{failingSeeds.Count} of {count} {shape} seeds disagree, e.g. {string.Join(", ", failingSeeds.Take(MaxReportedSeeds))}. First:\n{string.Join("\n", failures)}");
        return widest;
    }

    private string? Compare(Cluster cluster, ReachabilityMatrix matrix)
    {
        if (CheckPartition(matrix) is { } partition)
            return partition;

        var subjects = matrix.Subjects;
        var workloads = new List<int>();
        var externals = new List<int>();
        for (var i = 0; i < subjects.Length; i++)
            (subjects[i].IsExternal ? externals : workloads).Add(i);
        if (workloads.Count != cluster.Workloads.Length ||
            !cluster.Workloads.All(w => workloads.Count(i => ReferenceEquals(subjects[i].Workload, w)) == 1))
            return "the workload subjects are not exactly the cluster's workloads";

        var ports = ProbePorts.For(cluster);
        foreach (var i in workloads)
        {
            var from = subjects[i].Workload!;
            foreach (var j in workloads)
            {
                var to = subjects[j].Workload!;
                var allowed = matrix.Allowed(i, j);
                if (i == j && !allowed.IsAll)
                    return $"{subjects[i].Id} to itself is '{allowed}', expected all";
                if (FirstDifference(allowed, ports, ReferenceEvaluator.AllowedAt(cluster, Endpoint.Pod(from), Endpoint.Pod(to), ports, _options)) is { } difference)
                    return $"{subjects[i].Id} -> {subjects[j].Id}: {difference}";
            }

            var replicas = matrix.BetweenReplicas(i);
            if (ReferenceEvaluator.HasSeveralPods(from) != replicas is not null)
                return $"{subjects[i].Id}: BetweenReplicas is {(replicas is null ? "null" : $"'{replicas}'")} for {from.Replicas} replicas and {from.PodNames.Length} pod names";
            if (replicas is not null &&
                FirstDifference(replicas, ports, ReferenceEvaluator.AllowedBetweenReplicasAt(cluster, from, ports, _options)) is { } replicaDifference)
                return $"{subjects[i].Id} between its replicas: {replicaDifference}";
        }

        foreach (var e in externals)
        {
            foreach (var f in externals)
            {
                if (!matrix.Allowed(e, f).IsEmpty)
                    return $"{subjects[e].Id} -> {subjects[f].Id} is '{matrix.Allowed(e, f)}', expected none between external subjects";
            }
        }

        foreach (var address in ProbeAddresses(cluster, matrix))
        {
            var e = SubjectContaining(matrix, address);
            if (e < 0)
                return $"no external subject contains {address}";
            foreach (var j in workloads)
            {
                var w = subjects[j].Workload!;
                if (FirstDifference(matrix.Allowed(e, j), ports, ReferenceEvaluator.AllowedAt(cluster, Endpoint.External(address), Endpoint.Pod(w), ports, _options)) is { } inbound)
                    return $"{address} (in {subjects[e].Id}) -> {subjects[j].Id}: {inbound}";
                if (FirstDifference(matrix.Allowed(j, e), ports, ReferenceEvaluator.AllowedAt(cluster, Endpoint.Pod(w), Endpoint.External(address), ports, _options)) is { } outbound)
                    return $"{subjects[j].Id} -> {address} (in {subjects[e].Id}): {outbound}";
            }
        }

        return null;
    }

    private static string? FirstDifference(PortSet allowed, IReadOnlyList<(Protocol Protocol, int Port)> probes, bool[] reference)
    {
        for (var i = 0; i < probes.Count; i++)
        {
            var (protocol, port) = probes[i];
            var expected = reference[i];
            if (allowed.Contains(protocol, port) != expected)
                return $"{protocol.ToApiString()} {port}: engine says '{allowed}', reference says {(expected ? "allowed" : "denied")}";
        }

        return null;
    }

    /// <summary>
    /// The first and last address of every external range, and around every cidr and except of the cluster (first,
    /// last, and the addresses just outside), plus the known pod IPs.
    /// </summary>
    private static List<IPAddress> ProbeAddresses(Cluster cluster, ReachabilityMatrix matrix)
    {
        var numbers = new HashSet<(AddressFamily, UInt128)>();
        foreach (var subject in matrix.Subjects.Where(s => s.IsExternal))
        {
            foreach (var range in subject.Ranges)
            {
                numbers.Add(AddressNumber.Of(range.First));
                numbers.Add(AddressNumber.Of(range.Last));
            }
        }

        foreach (var policy in cluster.Policies)
        {
            foreach (var rule in (policy.Ingress ?? []).Concat(policy.Egress ?? []))
            {
                foreach (var block in (rule.Peers ?? []).Select(p => p.IpBlock).OfType<IpBlock>())
                {
                    foreach (var cidr in block.Except.Prepend(block.Cidr))
                    {
                        var (family, first, last) = AddressNumber.Bounds(cidr);
                        numbers.Add((family, first));
                        numbers.Add((family, last));
                        if (first > 0)
                            numbers.Add((family, first - 1));
                        if (last < AddressNumber.Max(family))
                            numbers.Add((family, last + 1));
                    }
                }
            }
        }

        foreach (var ip in cluster.Workloads.SelectMany(w => w.PodIps))
            numbers.Add(AddressNumber.Of(ip));
        return [.. numbers.Select(n => AddressNumber.ToAddress(n.Item1, n.Item2))];
    }

    private static int SubjectContaining(ReachabilityMatrix matrix, IPAddress address)
    {
        var (family, value) = AddressNumber.Of(address);
        for (var i = 0; i < matrix.Subjects.Length; i++)
        {
            foreach (var range in matrix.Subjects[i].Ranges)
            {
                var (rangeFamily, first) = AddressNumber.Of(range.First);
                if (rangeFamily == family && first <= value && value <= AddressNumber.Of(range.Last).Value)
                    return i;
            }
        }

        return -1;
    }

    /// <summary>The ranges of all external subjects, sorted, must tile 0.0.0.0–255.255.255.255 and ::–ffff:…:ffff exactly.</summary>
    private static string? CheckPartition(ReachabilityMatrix matrix)
    {
        var ranges = new List<(AddressFamily Family, UInt128 First, UInt128 Last, string Subject)>();
        foreach (var subject in matrix.Subjects)
        {
            if (subject.IsExternal && subject.Ranges.IsDefaultOrEmpty)
                return $"external subject {subject.Id} has no ranges";
            if (!subject.IsExternal && !subject.Ranges.IsDefaultOrEmpty)
                return $"workload subject {subject.Id} has address ranges";
            foreach (var range in subject.Ranges)
            {
                var (family, first) = AddressNumber.Of(range.First);
                var (lastFamily, last) = AddressNumber.Of(range.Last);
                if (family != lastFamily || last < first)
                    return $"{subject.Id} has a malformed range {range}";
                ranges.Add((family, first, last, subject.Id));
            }
        }

        var text = new StringBuilder();
        foreach (var family in (AddressFamily[])[AddressFamily.InterNetwork, AddressFamily.InterNetworkV6])
        {
            UInt128 next = 0;
            var covered = false;
            foreach (var range in ranges.Where(r => r.Family == family).OrderBy(r => r.First))
            {
                if (covered || range.First != next)
                    return $"{family} ranges are not contiguous and disjoint at {range.First.ToString(CultureInfo.InvariantCulture)} ({range.Subject})";
                if (range.Last == AddressNumber.Max(family))
                    covered = true;
                else
                    next = range.Last + 1;
            }

            if (!covered)
                return $"{family} ranges stop before the end of the address space";
        }

        return null;
    }

    private static (int First, int Count) SeedRange(int defaultCount)
    {
        var text = Environment.GetEnvironmentVariable("POLICYCHECK_SEEDS");
        if (string.IsNullOrWhiteSpace(text))
            return (0, defaultCount);
        var parts = text.Split(':');
        var first = int.Parse(parts[0], CultureInfo.InvariantCulture);
        return (first, parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 1);
    }
}
