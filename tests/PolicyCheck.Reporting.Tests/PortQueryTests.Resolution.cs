using System.Collections.Immutable;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using static PolicyCheck.Reporting.Tests.SampleMatrix;

namespace PolicyCheck.Reporting.Tests;

public sealed partial class PortQueryResolutionTests
{
    // 0 client (no ports), 1 web (http 8080/TCP, then a second "http" on 9090 that must not count),
    // 2 dns (dns 53/UDP), 3 bare (no ports), 4 outside world. client may send web TCP 8080 and dns TCP 53 only.
    private static ReachabilityMatrix Matrix()
    {
        ImmutableArray<Subject> subjects =
        [
            Pod("x", "client"),
            Workload(WorkloadKind.Deployment, "x", "web", 2, ports: [Port("metrics", 9100), Port("http", 8080), Port("http", 9090)]),
            Pod("x", "dns", Port("dns", 53, Protocol.Udp)),
            Pod("x", "bare"),
            External(("0.0.0.0", "255.255.255.255")),
        ];
        return ReachabilityMatrix.FromConnections(
            subjects,
            [(0, 1, Tcp(8080, 9090)), (0, 2, Tcp(53)), (0, 3, PortSet.All), (0, 4, PortSet.All), (1, 1, Tcp(9100))]);
    }

    [Test]
    public void IsAllowed_NamedPort_UsesDestinationsContainerPort()
    {
        var matrix = Matrix();
        var http = PortQuery.Named("http");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(http.TryResolve(matrix.Subjects[1], out var protocol, out var number), Is.True);
            Assert.That((protocol, number), Is.EqualTo((Protocol.Tcp, 8080)), "the first port declared with the name");
            Assert.That(http.IsAllowed(matrix, 0, 1), Is.True);
            Assert.That(PortQuery.Named("metrics").IsAllowed(matrix, 0, 1), Is.False, "9100 is not allowed from client");
        }
    }

    [Test]
    public void IsAllowed_NamedPort_FollowsTheContainerPortsProtocol()
    {
        var matrix = Matrix();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(PortQuery.Named("dns").IsAllowed(matrix, 0, 2), Is.False, "dns is 53/UDP; only TCP 53 is allowed");
            Assert.That(PortQuery.Of(53).IsAllowed(matrix, 0, 2), Is.True);
            Assert.That(PortQuery.Of(53, Protocol.Udp).IsAllowed(matrix, 0, 2), Is.False);
        }
    }

    [Test]
    public void IsAllowed_NamedPortMissingOrExternal_IsFalseEvenWhenAllIsAllowed()
    {
        var matrix = Matrix();
        var http = PortQuery.Named("http");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(http.IsAllowed(matrix, 0, 3), Is.False, "bare has no port named http");
            Assert.That(http.IsAllowed(matrix, 0, 4), Is.False, "external destinations have no named ports");
            Assert.That(http.TryResolve(matrix.Subjects[4], out _, out _), Is.False);
            Assert.That(PortQuery.Of(8080).IsAllowed(matrix, 0, 4), Is.True);
        }
    }

    [Test]
    public void IsAllowed_Diagonal_IsTheSubjectItself()
    {
        var matrix = Matrix();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(PortQuery.Of(1234).IsAllowed(matrix, 1, 1), Is.True, "a pod may always send to itself");
            Assert.That(PortQuery.Named("http").IsAllowed(matrix, 1, 1), Is.True);
            Assert.That(PortQuery.Named("http").IsAllowed(matrix, 0, 0), Is.False, "client has no port named http");
        }
    }

    [Test]
    public void IsAllowedBetweenReplicas_UsesBetweenReplicasSet()
    {
        var matrix = Matrix();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(PortQuery.Named("metrics").IsAllowedBetweenReplicas(matrix, 1), Is.True);
            Assert.That(PortQuery.Named("http").IsAllowedBetweenReplicas(matrix, 1), Is.False);
            Assert.That(PortQuery.Of(9100).IsAllowedBetweenReplicas(matrix, 1), Is.True);
            Assert.That(PortQuery.Of(9100).IsAllowedBetweenReplicas(matrix, 0), Is.Null, "a single pod has no replicas");
            Assert.That(PortQuery.Of(9100).IsAllowedBetweenReplicas(matrix, 4), Is.Null);
        }
    }

    [Test]
    public void IsAllowed_NeitherNumberNorName_Throws()
    {
        var matrix = Matrix();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => new PortQuery(Protocol.Tcp, null, null).IsAllowed(matrix, 0, 1), Throws.InvalidOperationException);
            Assert.That(() => new PortQuery(Protocol.Tcp, 80, "http").IsAllowed(matrix, 0, 1), Throws.InvalidOperationException);
        }
    }
}
