using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;
using PolicyCheck.Lint;
using PolicyCheck.Reporting.Services;
using PolicyCheck.TestKit;

namespace PolicyCheck.Cli.Tests;

/// <summary>
/// The services listing and lint rule PC3008 count a Service port's clients the same way: on seeded random clusters,
/// each given one ClusterIP Service per labelled workload with a port, the "reached" line's count of workloads and
/// PC3008's finding are both compared with a client count made here with plain loops over the matrix cells, from the
/// definition in docs/services.md: a workload other than a backend that may reach some endpoint on its targetPort, or
/// a backend with several pods whose replicas may reach each other there; a backend's single pod reaching itself is no
/// client, and outside addresses never reach a ClusterIP Service.
/// </summary>
[Category(TestCategories.Randomized)]
[Parallelizable(ParallelScope.Fixtures)]
public sealed partial class ServiceClientsRandomizedTests
{
    private const int Seeds = 400;

    [Test]
    public void ServicesAndPc3008_RandomClusters_CountTheSameClients()
    {
        var rule = RuleCatalog.All.Single(r => r.Descriptor.Id == RuleIds.ServiceBackendsUnreachable);
        var ownPodOnlyBackends = 0;
        var fired = 0;
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var cluster = WithServices(RandomCluster.Generate(seed));
            var matrix = Evaluator.Evaluate(cluster);
            var reachability = new ServiceReachability(cluster, matrix);
            var summaries = ServiceSummary.Build(cluster, reachability);
            var reachedLines = ReachedCounts(summaries, matrix);
            var findings = Linter.Run(cluster, matrix, EvaluationOptions.Default, [rule])
                .Select(d => ServiceName().Match(d.Message).Groups[1].Value)
                .ToHashSet(StringComparer.Ordinal);

            foreach (var service in cluster.Services)
            {
                var (clients, allIsolated, anyTarget, ownPodOnly) = Reference(cluster, matrix, service);
                ownPodOnlyBackends += ownPodOnly;
                var shouldFire = anyTarget && allIsolated && clients == 0;
                fired += shouldFire ? 1 : 0;
                using (Assert.EnterMultipleScope())
                {
                    Assert.That(reachedLines[service.Name], Is.EqualTo(clients), () => $"seed {seed}: 'reached' of {service.Name}\n{ClusterDump.ToYaml(cluster)}");
                    Assert.That(findings.Contains(service.Name), Is.EqualTo(shouldFire), () => $"seed {seed}: PC3008 on {service.Name}\n{ClusterDump.ToYaml(cluster)}");
                }
            }
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ownPodOnlyBackends, Is.GreaterThan(0), "no single-pod backend reached only itself");
            Assert.That(fired, Is.GreaterThan(0), "PC3008 never had to fire");
        }
    }

    [GeneratedRegex("^Service '([^']+)'")]
    private static partial Regex ServiceName();

    [GeneratedRegex(@"^  reached +\S+ \S+: (\d+) of \d+ workloads")]
    private static partial Regex ReachedLine();

    /// <summary>Adds, for every workload with labels and a container port, a ClusterIP Service on its first port.</summary>
    private static Cluster WithServices(Cluster cluster)
    {
        var services = ImmutableArray.CreateBuilder<Service>();
        foreach (var w in cluster.Workloads)
        {
            if (w.Labels.Count == 0 || w.Ports.IsDefaultOrEmpty)
                continue;
            var first = w.Ports[0];
            var target = first.Name is { } name ? PortValue.Of(name) : PortValue.Of(first.Number);
            var port = new ServicePort("p", first.Protocol, 80, target, null, SourceSpan.None);
            services.Add(new Service(w.Namespace, $"svc-{w.Name}", ServiceType.ClusterIP, null, w.Labels, [port], null, null, null, SourceSpan.None));
        }

        return cluster with { Services = services.ToImmutable() };
    }

    /// <summary>The workload count of each service's "reached" line as the text listing prints it.</summary>
    private static Dictionary<string, int> ReachedCounts(ImmutableArray<ServiceSummary> summaries, ReachabilityMatrix matrix)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (summaries.IsEmpty)
            return counts;
        using var output = new StringWriter { NewLine = "\n" };
        ServicesTextWriter.Write(new ServicesReport(summaries, matrix.Subjects, null), output);
        string? current = null;
        foreach (var line in output.ToString().Split('\n'))
        {
            if (line.Length > 0 && line[0] != ' ')
                current = line.Split(' ')[0].Split('/')[1];
            else if (ReachedLine().Match(line) is { Success: true } match)
                counts[current!] = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture); // a block starts with its id line
        }

        return counts;
    }

    /// <summary>
    /// The clients of the service's one port by the definition, from the cells alone: for each workload W and backend
    /// B where the targetPort resolves (by number, or by name and protocol on B), W is a client when W ≠ B and the
    /// cell W → B holds the targetPort, or W = B has several pods and the cell between its replicas holds it.
    /// </summary>
    private static (int Clients, bool AllIsolated, bool AnyTarget, int OwnPodOnly) Reference(Cluster cluster, ReachabilityMatrix matrix, Service service)
    {
        var port = service.Ports[0];
        var subjects = Enumerable.Range(0, matrix.Subjects.Length).ToList();
        var backends = new List<(int Subject, int Target)>();
        foreach (var s in subjects)
        {
            if (matrix.Subjects[s].Workload is not { } w || w.Namespace != service.Namespace || (w.Replicas == 0 && w.PodNames.Length == 0) ||
                !service.Selector!.All(pair => w.Labels.TryGetValue(pair.Key, out var value) && value == pair.Value)) // WithServices gives every service a selector
                continue;
            int? target = port.EffectiveTargetPort switch
            {
                { Number: { } n } => n,
                { Name: { } name } => w.Ports.Where(p => p.Name == name && p.Protocol == port.Protocol).Select(p => (int?)p.Number).FirstOrDefault(),
                _ => null,
            };
            if (target is { } t)
                backends.Add((s, t));
        }

        var clients = 0;
        var ownPodOnly = 0;
        foreach (var w in subjects.Where(s => !matrix.Subjects[s].IsExternal))
        {
            var isClient = false;
            foreach (var (b, target) in backends)
            {
                var cell = w != b ? matrix.Allowed(w, b) : matrix.BetweenReplicas(b);
                if (w == b && cell is null)
                    ownPodOnly++;
                isClient |= cell?.Contains(port.Protocol, target) == true;
            }

            clients += isClient ? 1 : 0;
        }

        var allIsolated = backends.TrueForAll(b => !matrix.Subjects[b.Subject].Workload!.HostNetwork && cluster.Policies.Any(p =>
            p.Namespace == service.Namespace && p.AffectsIngress && p.PodSelector.Matches(matrix.Subjects[b.Subject].Workload!.Labels)));
        return (clients, allIsolated, backends.Count > 0, ownPodOnly);
    }
}
