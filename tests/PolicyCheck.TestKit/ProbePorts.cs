using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.TestKit;

/// <summary>
/// The (protocol, port) pairs where an allowed set of a cluster can change: every port number the cluster mentions
/// (policy ports and endPorts, container ports) and its neighbours, plus 1 and 65535, for each protocol. Between
/// two probes no policy or container port draws a line, so agreeing at the probes means agreeing everywhere.
/// </summary>
public static class ProbePorts
{
    public static IReadOnlyList<(Protocol Protocol, int Port)> For(Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var numbers = new SortedSet<int> { PortRange.MinPort, PortRange.MaxPort };
        void Add(int number)
        {
            for (var port = number - 1; port <= number + 1; port++)
            {
                if (port is >= PortRange.MinPort and <= PortRange.MaxPort)
                    numbers.Add(port);
            }
        }

        foreach (var workload in cluster.Workloads)
        {
            foreach (var port in workload.Ports)
                Add(port.Number);
        }

        foreach (var policy in cluster.Policies)
        {
            foreach (var rule in (policy.Ingress ?? []).Concat(policy.Egress ?? []))
            {
                foreach (var port in rule.Ports ?? [])
                {
                    if (port.Port is { Number: { } number })
                        Add(number);
                    if (port.EndPort is { } end)
                        Add(end);
                }
            }
        }

        var probes = new List<(Protocol, int)>();
        foreach (var protocol in ProtocolNames.All)
            probes.AddRange(numbers.Select(n => (protocol, n)));
        return probes;
    }
}
