using System.Globalization;
using System.Net;
using System.Net.Sockets;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.TestKit;

/// <summary>The fast engine's result against <see cref="ReferenceEvaluator"/>, for random and generated clusters.</summary>
public static class ReferenceComparison
{
    /// <summary>
    /// Compares an evaluated matrix with the reference evaluator cell by cell: every workload pair (and the
    /// diagonal and between-replicas sets) at every probe port, every external address probe in both directions,
    /// and the external ranges' partition of both address spaces. Returns the first difference, or null.
    /// </summary>
    public static string? Compare(Cluster cluster, ReachabilityMatrix matrix, EvaluationOptions options)
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
                if (FirstDifference(allowed, ports, ReferenceEvaluator.AllowedAt(cluster, Endpoint.Pod(from), Endpoint.Pod(to), ports, options)) is { } difference)
                    return $"{subjects[i].Id} -> {subjects[j].Id}: {difference}";
            }

            var replicas = matrix.BetweenReplicas(i);
            if (ReferenceEvaluator.HasSeveralPods(from) != replicas is not null)
                return $"{subjects[i].Id}: BetweenReplicas is {(replicas is null ? "null" : $"'{replicas}'")} for {from.Replicas} replicas and {from.PodNames.Length} pod names";
            if (replicas is not null &&
                FirstDifference(replicas, ports, ReferenceEvaluator.AllowedBetweenReplicasAt(cluster, from, ports, options)) is { } replicaDifference)
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
                if (FirstDifference(matrix.Allowed(e, j), ports, ReferenceEvaluator.AllowedAt(cluster, Endpoint.External(address), Endpoint.Pod(w), ports, options)) is { } inbound)
                    return $"{address} (in {subjects[e].Id}) -> {subjects[j].Id}: {inbound}";
                if (FirstDifference(matrix.Allowed(j, e), ports, ReferenceEvaluator.AllowedAt(cluster, Endpoint.Pod(w), Endpoint.External(address), ports, options)) is { } outbound)
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

    /// <summary>
    /// The ranges of all external subjects, sorted, must tile 0.0.0.0–255.255.255.255 and ::–ffff:…:ffff exactly; each
    /// external subject holds addresses of one family only, and its id names every range it holds.
    /// </summary>
    public static string? CheckPartition(ReachabilityMatrix matrix)
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

            if (subject.IsExternal)
            {
                if (subject.Ranges.Select(r => r.First.AddressFamily).Distinct().Count() > 1)
                    return $"external subject {subject.Id} holds both IPv4 and IPv6 addresses";
                var named = subject.Id.StartsWith("ext:", StringComparison.Ordinal) ? subject.Id[4..].Split(',') : [];
                var counted = 0;
                if (named.Length > 0 && named[^1].StartsWith('+') && named[^1].EndsWith(" more", StringComparison.Ordinal))
                {
                    // "ext:A,B,C,+7 more": the first ranges named, the rest counted.
                    counted = int.Parse(named[^1][1..^5], CultureInfo.InvariantCulture);
                    named = named[..^1];
                }

                if (named.Length + counted != subject.Ranges.Length)
                    return $"external subject {subject.Id} names {named.Length} ranges and counts {counted} but holds {subject.Ranges.Length}";
                for (var r = 0; r < named.Length; r++)
                {
                    if (!NamesRange(named[r], subject.Ranges[r]))
                        return $"external subject {subject.Id} names '{named[r]}' for its range {subject.Ranges[r]}";
                }
            }
        }

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

    /// <summary>Whether <paramref name="text"/> is the range <c>first-last</c>, or a CIDR with exactly its addresses.</summary>
    private static bool NamesRange(string text, IpRange range)
    {
        if (IpCidr.TryParse(text, out var cidr))
        {
            var (family, first, last) = AddressNumber.Bounds(cidr);
            return family == range.First.AddressFamily && first == AddressNumber.Of(range.First).Value && last == AddressNumber.Of(range.Last).Value;
        }

        // An IPv6 range holds ':' but never '-', so the dash splits first from last.
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && IPAddress.TryParse(text[..dash], out var a) && IPAddress.TryParse(text[(dash + 1)..], out var b) &&
               a.Equals(range.First) && b.Equals(range.Last);
    }
}
