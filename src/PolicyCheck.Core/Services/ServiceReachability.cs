using System.Collections.Immutable;
using System.Globalization;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Services;

/// <summary>
/// Which clients reach which service ports, from an evaluated matrix. kube-proxy rewrites the service address and
/// port to a backend pod's address and targetPort before NetworkPolicy applies, so a client reaches
/// <c>svc:port</c> on a backend exactly when the matrix allows client → backend on the port's protocol and the
/// targetPort resolved on that backend.
/// <para>
/// Outside clients reach only NodePort and LoadBalancer services. With <c>externalTrafficPolicy: Local</c> the
/// client address is kept, so the outside subject's own cell decides. With <c>Cluster</c> (the default) the traffic
/// is source-NATed to a node address: it gets in where the backend's ingress is not isolated or a rule admits every
/// source on that port; where only ipBlock rules could admit it, the answer depends on the nodes' addresses.
/// </para>
/// </summary>
public sealed class ServiceReachability
{
    private readonly Cluster _cluster;
    private readonly Dictionary<(string Namespace, string Name, WorkloadKind Kind), int> _subjectOf = [];
    private readonly Dictionary<Service, ServiceEndpoints> _endpoints = new(ReferenceEqualityComparer.Instance);

    public ServiceReachability(Cluster cluster, ReachabilityMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(matrix);
        _cluster = cluster;
        Matrix = matrix;
        for (var i = 0; i < matrix.Subjects.Length; i++)
        {
            if (matrix.Subjects[i].Workload is { } w)
                _subjectOf[(w.Namespace, w.Name, w.Kind)] = i;
        }
    }

    public ReachabilityMatrix Matrix { get; }

    /// <summary>The endpoints of a service of this cluster (computed once per service).</summary>
    public ServiceEndpoints Endpoints(Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (!_endpoints.TryGetValue(service, out var endpoints))
            _endpoints[service] = endpoints = ServiceEndpoints.Of(_cluster, service);
        return endpoints;
    }

    /// <summary>
    /// The verdicts for the ports of <paramref name="service"/> that <paramref name="port"/> names (a port name or a
    /// service port number; every port when null), in the service's port order. Empty when no port matches.
    /// </summary>
    public ImmutableArray<ServiceVerdict> Reach(int client, Service service, PortValue? port = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        return [.. service.Ports.Where(p => Names(p, port)).Select(p => Reach(client, service, p))];
    }

    /// <summary>Whether the subject <paramref name="client"/> of <see cref="Matrix"/> reaches one port of the service, per backend.</summary>
    public ServiceVerdict Reach(int client, Service service, ServicePort port)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(port);
        ArgumentOutOfRangeException.ThrowIfNegative(client);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(client, Matrix.Subjects.Length);
        var subject = Matrix.Subjects[client];
        var endpoints = Endpoints(service);
        var route = RouteOf(subject, service);
        var note = NoteFor(endpoints, route);
        var backends = ImmutableArray.CreateBuilder<BackendVerdict>(endpoints.Backends.Length);
        foreach (var backend in endpoints.Backends)
        {
            var target = ServiceEndpoints.ResolveTargetPort(port, backend);
            if (target.Number is not { } number)
            {
                backends.Add(new BackendVerdict(backend, null, BackendOutcome.TargetPortUnresolved,
                    $"targetPort '{port.EffectiveTargetPort}' does not resolve: {target.Problem}"));
                continue;
            }

            backends.Add(Judge(client, subject, backend, port, number, route));
        }

        return new ServiceVerdict(subject, service, port, route, backends.MoveToImmutable(), note);
    }

    private static bool Names(ServicePort candidate, PortValue? port) => port switch
    {
        null => true,
        { Name: { } name } => candidate.Name == name,
        { Number: { } number } => candidate.Port == number,
        _ => false,
    };

    private static ServiceRoute RouteOf(Subject client, Service service)
    {
        if (!client.IsExternal)
            return ServiceRoute.InCluster;
        if (service.Type is not (ServiceType.NodePort or ServiceType.LoadBalancer))
            return ServiceRoute.Unreachable;
        return string.Equals(service.ExternalTrafficPolicy, "Local", StringComparison.Ordinal)
            ? ServiceRoute.ExternalLocal
            : ServiceRoute.ExternalCluster;
    }

    private static string? NoteFor(ServiceEndpoints endpoints, ServiceRoute route) => endpoints.Source switch
    {
        EndpointsSource.None => $"ExternalName service: a DNS alias (CNAME) for '{endpoints.Service.ExternalName}', with no endpoints and no proxying; what the client reaches is outside the cluster's policies' targets.",
        EndpointsSource.Manual => "The service has no selector: its endpoints are managed by hand (Endpoints/EndpointSlices), which the manifests do not model.",
        _ when endpoints.Backends.IsEmpty => "The selector picks no workload in the service's namespace: the service has no endpoints.",
        _ when route == ServiceRoute.Unreachable => $"A {endpoints.Service.Type} service is reachable only from inside the cluster; outside addresses need a NodePort or LoadBalancer service.",
        _ when route == ServiceRoute.ExternalCluster => "externalTrafficPolicy Cluster: the traffic is source-NATed to a node address, so ingress rules see a node, not the client.",
        _ => null,
    };

    private BackendVerdict Judge(int client, Subject subject, Workload backend, ServicePort port, int target, ServiceRoute route)
    {
        var where = $"{port.Protocol.ToApiString()}/{target.ToString(CultureInfo.InvariantCulture)}";
        var via = port.Port == target && !port.EffectiveTargetPort.IsNamed
            ? $"port {port.Port.ToString(CultureInfo.InvariantCulture)}"
            : $"the targetPort of service port {port.Port.ToString(CultureInfo.InvariantCulture)}";
        if (!_subjectOf.TryGetValue((backend.Namespace, backend.Name, backend.Kind), out var to))
            throw new ArgumentException($"The matrix has no subject for '{backend.Id}'; evaluate the same cluster.", nameof(client));

        switch (route)
        {
            case ServiceRoute.Unreachable:
                return new BackendVerdict(backend, target, BackendOutcome.Denied, "No route from outside the cluster to this service.");
            case ServiceRoute.ExternalCluster:
                return JudgeSourceNat(backend, to, port.Protocol, target, where);
        }

        var self = client == to;
        if (self && Matrix.BetweenReplicas(client) is null)
        {
            return new BackendVerdict(backend, target, BackendOutcome.Allowed,
                $"'{backend.Id}' has one pod, which reaches itself through its own service (always allowed); that makes it no client of the service.",
                OwnPodOnly: true);
        }

        var allowed = self ? Matrix.BetweenReplicas(client)! : Matrix.Allowed(client, to); // not null for a workload with several pods
        if (allowed.Contains(port.Protocol, target))
        {
            var reason = self
                ? $"A pod reaches itself through its own service; other replicas of '{backend.Id}' allow {where} too."
                : $"The policies allow {subject.Id} -> {Matrix.Subjects[to].Id} on {where} ({via}; policies see the targetPort).";
            return new BackendVerdict(backend, target, BackendOutcome.Allowed, reason);
        }

        if (self)
        {
            return new BackendVerdict(backend, target, BackendOutcome.Denied,
                $"Replicas of '{backend.Id}' do not allow each other {where}: only connections that land on the client's own pod succeed.");
        }

        var sides = new List<string>();
        if (!subject.IsExternal && Matrix.IsIsolated(client, Direction.Egress))
            sides.Add($"{subject.Id}'s egress");
        if (Matrix.IsIsolated(to, Direction.Ingress))
            sides.Add($"{backend.Id}'s ingress");
        return new BackendVerdict(backend, target, BackendOutcome.Denied,
            sides.Count switch
            {
                2 => $"The policies do not allow {subject.Id} -> {Matrix.Subjects[to].Id} on {where} ({via}): {sides[0]} and {sides[1]} are isolated, and their rules do not both allow it.",
                1 => $"The policies do not allow {subject.Id} -> {Matrix.Subjects[to].Id} on {where} ({via}): {sides[0]} is isolated and no rule allows it.",
                _ => $"The policies do not allow {subject.Id} -> {Matrix.Subjects[to].Id} on {where} ({via}).",
            });
    }

    private BackendVerdict JudgeSourceNat(Workload backend, int to, Protocol protocol, int target, string where)
    {
        if (!Matrix.IsIsolated(to, Direction.Ingress))
        {
            return new BackendVerdict(backend, target, BackendOutcome.Allowed,
                $"{backend.Id}'s ingress is not isolated, so the source-NATed traffic (from a node address) gets in on {where}.");
        }

        string? ipBlockRule = null;
        foreach (var policy in _cluster.Policies)
        {
            if (policy.Namespace != backend.Namespace || !policy.AffectsIngress || !policy.PodSelector.Matches(backend.Labels))
                continue;
            foreach (var rule in policy.Rules(Direction.Ingress))
            {
                if (!AdmitsPort(rule, backend, protocol, target))
                    continue;
                var name = $"'{policy.Namespace}/{policy.Name}' ingress rule #{rule.Number.ToString(CultureInfo.InvariantCulture)}";
                if (rule.MatchesAllPeers)
                {
                    return new BackendVerdict(backend, target, BackendOutcome.Allowed,
                        $"{name} admits every source on {where}, so the source-NATed traffic (from a node address) gets in.");
                }

                if (ipBlockRule is null && rule.Peers is { } peers && peers.Any(p => p.IpBlock is not null))
                    ipBlockRule = name;
            }
        }

        return ipBlockRule is not null
            ? new BackendVerdict(backend, target, BackendOutcome.DependsOnNodeAddresses,
                $"externalTrafficPolicy Cluster source-NATs the client to a node address: only ipBlock rules ({ipBlockRule}) could admit it on {where}, so it depends on the nodes' addresses, not the client's. Use externalTrafficPolicy: Local to keep the client address.")
            : new BackendVerdict(backend, target, BackendOutcome.Denied,
                $"externalTrafficPolicy Cluster source-NATs the client to a node address, and no ingress rule of {backend.Id} admits that on {where} (pod and namespace selectors never match a node).");
    }

    /// <summary>Whether a rule's ports include (protocol, port) on the destination backend; named ports resolve there.</summary>
    private static bool AdmitsPort(PolicyRule rule, Workload backend, Protocol protocol, int port)
    {
        if (rule.MatchesAllPorts)
            return true;
        foreach (var entry in rule.Ports!.Value) // MatchesAllPorts is false, so Ports has entries
        {
            if (entry.EffectiveProtocol != protocol)
                continue;
            switch (entry.Port)
            {
                case null:
                    return true;
                case { Number: { } first }:
                    if (port >= first && port <= (entry.EndPort ?? first))
                        return true;
                    break;
                case { Name: { } name }:
                    if (backend.Ports.FirstOrDefault(p => p.Name == name && p.Protocol == protocol) is { Name: not null } named && named.Number == port)
                        return true;
                    break;
            }
        }

        return false;
    }
}
