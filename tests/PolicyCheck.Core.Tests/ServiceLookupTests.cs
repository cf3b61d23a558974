using PolicyCheck.Core.Model;
using PolicyCheck.Core.Services;
using static PolicyCheck.Core.Tests.ServiceTestData;

namespace PolicyCheck.Core.Tests;

[Parallelizable(ParallelScope.Fixtures)]
public sealed class ServiceLookupTests
{
    private static readonly Cluster Cluster = Cluster.Empty.With(
        Service("prod/data", selector: [("app", "data")], ports: [Port(5432, name: "postgres"), Port(9187)]));

    [TestCase("prod/data", null)]
    [TestCase("prod/data:5432", "5432")]
    [TestCase("prod/data:postgres", "postgres")]
    [TestCase("data.prod:9187", "9187")]
    [TestCase("data.prod.svc.cluster.local", null)]
    public void TryFind_IdOrDnsNameWithOptionalPort(string text, string? port)
    {
        var found = ServiceLookup.TryFind(Cluster, text, "test", out var match, out var portValue, out var error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(found, Is.True, error);
            Assert.That(match?.Service.Name, Is.EqualTo("data"));
            Assert.That(portValue?.ToString(), Is.EqualTo(port));
        }
    }

    [TestCase("prod/nope", "No service 'prod/nope'")]
    [TestCase("data", "No service 'data'")]
    [TestCase("prod/data:http", "has no port 'http'; its ports are: postgres (5432), 9187.")]
    [TestCase("prod/data:", "names no port")]
    public void TryFind_Unknown_SaysWhatWasExpected(string text, string message)
    {
        var found = ServiceLookup.TryFind(Cluster, text, "test", out _, out _, out var error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(found, Is.False);
            Assert.That(error, Does.Contain(message));
        }
    }

    [Test]
    [Description("A generated port name shaped like a range is quoted next to the port number, so '8001-8000 (8001)' cannot be read as two ranges.")]
    public void TryFind_UnknownPort_QuotesARangeLikePortName()
    {
        var cluster = Cluster.Empty.With(Service("prod/gen", selector: [("app", "gen")], ports: [Port(8001, name: "8001-8000")]));

        var found = ServiceLookup.TryFind(cluster, "prod/gen:http", "test", out _, out _, out var error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(found, Is.False);
            Assert.That(error, Does.Contain("its ports are: '8001-8000' (8001)."));
        }
    }
}
