using System.Collections.Immutable;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;

namespace PolicyCheck.Core.Tests;

/// <summary>Services for the service tests, built straight as model records (the loader has its own tests).</summary>
internal static class ServiceTestData
{
    public static Service Service(
        string id,
        ServiceType type = ServiceType.ClusterIP,
        (string Key, string Value)[]? selector = null,
        ServicePort[]? ports = null,
        string? clusterIp = null,
        string? externalName = null,
        string? externalTrafficPolicy = null,
        bool? allocateNodePorts = null)
    {
        var slash = id.IndexOf('/', StringComparison.Ordinal);
        return new Service(id[..slash], id[(slash + 1)..], type, clusterIp,
            selector is null ? null : Labels.Of(selector), [.. ports ?? []], externalName, externalTrafficPolicy,
            allocateNodePorts, SourceSpan.None);
    }

    public static ServicePort Port(int port, PortValue? target = null, string? name = null, Protocol protocol = Protocol.Tcp, int? nodePort = null) =>
        new(name, protocol, port, target, nodePort, SourceSpan.None);

    public static Cluster With(this Cluster cluster, params Service[] services) =>
        cluster with { Services = cluster.Services.AddRange(services) };

    public static int Subject(ReachabilityMatrix matrix, string idOrAddress)
    {
        if (!idOrAddress.Contains('/', StringComparison.Ordinal))
        {
            var query = SubjectQuery.TryParse(idOrAddress, out var q, out _) ? q! : throw new ArgumentException(idOrAddress);
            return query.Resolve(matrix).Single(i => matrix.Subjects[i].IsExternal);
        }

        var index = matrix.IndexOf(idOrAddress);
        return index >= 0 ? index : throw new ArgumentException($"No subject '{idOrAddress}'.");
    }

    public static ImmutableArray<BackendOutcome> Outcomes(ServiceVerdict verdict) => [.. verdict.Backends.Select(b => b.Outcome)];
}
