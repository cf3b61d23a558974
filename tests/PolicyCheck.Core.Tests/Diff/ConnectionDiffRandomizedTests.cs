using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using PolicyCheck.Core.Diff;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.TestKit;

namespace PolicyCheck.Core.Tests.Diff;

/// <summary>
/// For seeded random cluster pairs, the delta applied to the <see cref="ReferenceEvaluator"/>'s answers for the
/// before cluster must give its answers for the after cluster, at every probe port, for every workload pair, the
/// between-replicas traffic, and one address in every piece of both sides' external ranges. Each change's
/// <c>Before</c> must also match what the reference says before. Set <c>POLICYCHECK_SEEDS</c> to
/// <c>first:count</c> (or one seed) to replay or widen the run.
/// </summary>
[TestFixture(IpBlockPodMatching.Match)]
[TestFixture(IpBlockPodMatching.Ignore)]
[Category(TestCategories.Randomized)]
[Parallelizable(ParallelScope.Fixtures)]
public sealed class ConnectionDiffRandomizedTests(IpBlockPodMatching ipBlockPods)
{
    private const int DefaultSeeds = 150;
    private const int DefaultWideSeeds = 2; // the reference evaluator takes seconds per wide pair
    private const int OtherSeedOffset = 100_000;

    private readonly EvaluationOptions _options = new(ipBlockPods);

    /// <summary>How the after cluster is made from the before cluster's seed.</summary>
    public enum Pairing
    {
        /// <summary>Another random cluster: ids overlap only partly.</summary>
        OtherCluster,

        /// <summary>The same workloads and namespaces under another cluster's policies.</summary>
        OtherPolicies,

        /// <summary>The same cluster with one policy removed.</summary>
        OnePolicyRemoved,
    }

    [TestCase(Pairing.OtherCluster, ClusterShape.Small)]
    [TestCase(Pairing.OtherPolicies, ClusterShape.Small)]
    [TestCase(Pairing.OnePolicyRemoved, ClusterShape.Small)]
    [TestCase(Pairing.OtherPolicies, ClusterShape.Wide)]
    public void Compare_RandomPairs_DeltaTurnsBeforeIntoAfter(Pairing pairing, ClusterShape shape)
    {
        var (first, count) = SeedRange();
        if (shape == ClusterShape.Wide)
            count = Math.Min(count, DefaultWideSeeds);
        var failures = new List<string>();
        for (var seed = first; seed < first + count && failures.Count == 0; seed++)
        {
            var before = RandomCluster.Generate(seed, shape);
            var other = RandomCluster.Generate(seed + OtherSeedOffset, shape);
            var after = pairing switch
            {
                Pairing.OtherCluster => other,
                Pairing.OtherPolicies => before with { Policies = other.Policies },
                _ => before with { Policies = before.Policies.IsEmpty ? [] : before.Policies.RemoveAt(seed % before.Policies.Length) },
            };
            if (Check(before, after) is { } failure)
                failures.Add($"seed {seed} ({pairing}, {shape}, {ipBlockPods}): {failure}\nbefore:\n{ClusterDump.ToYaml(before)}\nafter:\n{ClusterDump.ToYaml(after)}");
        }

        Assert.That(failures, Is.Empty);
    }

    private string? Check(Cluster beforeCluster, Cluster afterCluster)
    {
        var before = Evaluator.Evaluate(beforeCluster, _options);
        var after = Evaluator.Evaluate(afterCluster, _options);
        var delta = ConnectionDiff.Compare(before, after);

        var probes = ProbePorts.For(beforeCluster).Concat(ProbePorts.For(afterCluster)).Distinct().ToList();
        var addresses = ProbeAddresses(before).Concat(ProbeAddresses(after)).Distinct().ToList();
        var was = Reference(beforeCluster, before, probes, addresses);
        var now = Reference(afterCluster, after, probes, addresses);

        var beforeIds = WorkloadIds(before);
        var afterIds = WorkloadIds(after);
        if (!delta.SubjectsAdded.ToHashSet().SetEquals(afterIds.Except(beforeIds)))
            return $"SubjectsAdded is [{string.Join(", ", delta.SubjectsAdded)}]";
        if (!delta.SubjectsRemoved.ToHashSet().SetEquals(beforeIds.Except(afterIds)))
            return $"SubjectsRemoved is [{string.Join(", ", delta.SubjectsRemoved)}]";

        var applied = new Dictionary<(string, string), bool[]>(was);
        var none = new bool[probes.Count];
        foreach (var change in delta.All)
        {
            if (change.Before is not null && change.After is not null && change.Before.Equals(change.After))
                return $"{change.From} -> {change.To} is reported with equal sides";
            if ((change.Before?.IsEmpty ?? false) || (change.After?.IsEmpty ?? false))
                return $"{change.From} -> {change.To} carries an empty set instead of null";
            var keys = Keys(change, addresses).ToList();
            if (keys.Count == 0)
                return $"{change.From} -> {change.To} covers no probe";
            foreach (var key in keys)
            {
                var expected = At(change.Before, probes);
                if (!was.GetValueOrDefault(key, none).SequenceEqual(expected))
                    return $"{change.From} -> {change.To}: Before '{change.Before}' is not what the reference allows for {key}";
                applied[key] = At(change.After, probes);
            }
        }

        foreach (var key in applied.Keys.Union(now.Keys))
        {
            var result = applied.GetValueOrDefault(key, none);
            var expected = now.GetValueOrDefault(key, none);
            if (!result.SequenceEqual(expected))
            {
                var i = Enumerable.Range(0, probes.Count).First(i => result[i] != expected[i]);
                return $"{key.Item1} -> {key.Item2} at {probes[i].Protocol.ToApiString()} {probes[i].Port}: before plus delta says {result[i]}, after says {expected[i]}";
            }
        }

        return null;
    }

    /// <summary>The reference's answers, keyed by (from, to): workload ids, or <c>ip:</c> and a probe address.</summary>
    private Dictionary<(string, string), bool[]> Reference(
        Cluster cluster, ReachabilityMatrix matrix, List<(Protocol, int)> probes, List<IPAddress> addresses)
    {
        var result = new Dictionary<(string, string), bool[]>();
        var workloads = matrix.Subjects.Where(s => !s.IsExternal).ToList();
        foreach (var from in workloads)
        {
            foreach (var to in workloads)
            {
                result[(from.Id, to.Id)] = from == to
                    ? ReferenceEvaluator.HasSeveralPods(from.Workload!)
                        ? ReferenceEvaluator.AllowedBetweenReplicasAt(cluster, from.Workload!, probes, _options)
                        : new bool[probes.Count]
                    : ReferenceEvaluator.AllowedAt(cluster, Endpoint.Pod(from.Workload!), Endpoint.Pod(to.Workload!), probes, _options);
            }

            foreach (var address in addresses)
            {
                result[("ip:" + address, from.Id)] = ReferenceEvaluator.AllowedAt(cluster, Endpoint.External(address), Endpoint.Pod(from.Workload!), probes, _options);
                result[(from.Id, "ip:" + address)] = ReferenceEvaluator.AllowedAt(cluster, Endpoint.Pod(from.Workload!), Endpoint.External(address), probes, _options);
            }
        }

        return result;
    }

    private static IEnumerable<(string, string)> Keys(ConnectionChange change, List<IPAddress> addresses)
    {
        foreach (var from in Ends(change.From, addresses))
        {
            foreach (var to in Ends(change.To, addresses))
                yield return (from, to);
        }
    }

    private static IEnumerable<string> Ends(string end, List<IPAddress> addresses)
    {
        if (!end.StartsWith("ext:", StringComparison.Ordinal))
            return [end];
        // An end reads ext:CIDR where its range is exactly one, else ext:FIRST-LAST.
        (AddressFamily Family, UInt128 Value) first, last;
        if (IpCidr.TryParse(end[4..], out var cidr))
        {
            var (family, low, high) = AddressNumber.Bounds(cidr);
            (first, last) = ((family, low), (family, high));
        }
        else
        {
            var dash = end.IndexOf('-', StringComparison.Ordinal);
            first = AddressNumber.Of(IPAddress.Parse(end[4..dash]));
            last = AddressNumber.Of(IPAddress.Parse(end[(dash + 1)..]));
        }

        return addresses
            .Select(AddressNumber.Of)
            .Where(a => a.Family == first.Family && first.Value <= a.Value && a.Value <= last.Value)
            .Select(a => "ip:" + AddressNumber.ToAddress(a.Family, a.Value));
    }

    private static bool[] At(PortSet? set, List<(Protocol Protocol, int Port)> probes) =>
        [.. probes.Select(p => set is not null && set.Contains(p.Protocol, p.Port))];

    /// <summary>The first and last address of every external range: one address in every piece of the common refinement.</summary>
    private static IEnumerable<IPAddress> ProbeAddresses(ReachabilityMatrix matrix) =>
        matrix.Subjects.SelectMany(s => s.Ranges).SelectMany(r => new[] { r.First, r.Last });

    private static ImmutableHashSet<string> WorkloadIds(ReachabilityMatrix matrix) =>
        [.. matrix.Subjects.Where(s => !s.IsExternal).Select(s => s.Id)];

    private static (int First, int Count) SeedRange()
    {
        var text = Environment.GetEnvironmentVariable("POLICYCHECK_SEEDS");
        if (string.IsNullOrWhiteSpace(text))
            return (0, DefaultSeeds);
        var parts = text.Split(':');
        var first = int.Parse(parts[0], CultureInfo.InvariantCulture);
        return (first, parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 1);
    }
}
