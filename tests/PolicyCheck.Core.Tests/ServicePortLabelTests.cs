using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Tests;

/// <summary>
/// How a Service port is printed next to numbers (<see cref="ServicePort.Label"/>, <see cref="ServicePort.QuoteName"/>):
/// a name shaped like an IANA service name (RFC 6335: lower-case letters, digits and inner hyphens, at least one
/// letter) stands as written; anything else, such as a generated name that looks like a range or a number, is
/// quoted so it cannot be read as the port.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class ServicePortLabelTests
{
    [TestCase("http", "http")]
    [TestCase("grpc-web", "grpc-web")]
    [TestCase("h2c", "h2c")]
    [TestCase("8001-8000", "'8001-8000'")]
    [TestCase("8080", "'8080'")]
    [TestCase("-http", "'-http'")]
    [TestCase("http-", "'http-'")]
    [TestCase("HTTP", "'HTTP'")]
    [TestCase("tcp_80", "'tcp_80'")]
    public void QuoteName_QuotesWhatIsNotAPlainServiceName(string name, string expected) =>
        Assert.That(ServicePort.QuoteName(name), Is.EqualTo(expected));

    [Test]
    [Description("k8s docs (Service): port 80 forwards to targetPort 9376; the label shows the Service port and protocol.")]
    public void Label_UnnamedNamedAndRangeLikeName()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Port(null, 80).Label, Is.EqualTo("80/TCP"));
            Assert.That(Port("http", 80).Label, Is.EqualTo("http 80/TCP"));
            Assert.That(Port("8001-8000", 8001).Label, Is.EqualTo("'8001-8000' 8001/TCP"));
            Assert.That(Port("53", 53, Protocol.Udp).Label, Is.EqualTo("'53' 53/UDP"));
        }
    }

    private static ServicePort Port(string? name, int port, Protocol protocol = Protocol.Tcp) =>
        new(name, protocol, port, PortValue.Of(9376), null, SourceSpan.None);
}
