using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Reporting.Tests;

public sealed class PortQueryTests
{
    private const string Forms =
        "use a port number (80, meaning TCP), a number and protocol (80/TCP, 53/UDP, 9000/SCTP) or a container port name (http).";

    [TestCase("80", Protocol.Tcp, 80, "80/TCP")]
    [TestCase("80/TCP", Protocol.Tcp, 80, "80/TCP")]
    [TestCase("53/UDP", Protocol.Udp, 53, "53/UDP")]
    [TestCase("9000/SCTP", Protocol.Sctp, 9000, "9000/SCTP")]
    [TestCase("53/udp", Protocol.Udp, 53, "53/UDP")]
    [TestCase("1/TCP", Protocol.Tcp, 1, "1/TCP")]
    [TestCase("65535", Protocol.Tcp, 65535, "65535/TCP")]
    [TestCase("0080", Protocol.Tcp, 80, "80/TCP")]
    [TestCase("  443 ", Protocol.Tcp, 443, "443/TCP")]
    public void TryParse_Number_ReadsProtocolAndNumber(string text, Protocol protocol, int number, string shown)
    {
        var parsed = PortQuery.TryParse(text, out var query, out var error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parsed, Is.True);
            Assert.That(error, Is.Null);
            Assert.That(query, Is.EqualTo(new PortQuery(protocol, number, null)));
            Assert.That(query?.ToString(), Is.EqualTo(shown));
        }
    }

    [TestCase("http")]
    [TestCase("serve-80-tcp")]
    [TestCase("dns-tcp")]
    [TestCase("a")]
    [TestCase("metrics2")]
    [TestCase("abcdefghijklmno")]
    public void TryParse_ServiceName_IsNamedQuery(string text)
    {
        var parsed = PortQuery.TryParse(text, out var query, out var error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parsed, Is.True);
            Assert.That(error, Is.Null);
            Assert.That(query, Is.EqualTo(new PortQuery(null, null, text)));
            Assert.That(query?.ToString(), Is.EqualTo(text));
        }
    }

    [TestCase("", "A port is required; " + Forms)]
    [TestCase("   ", "A port is required; " + Forms)]
    [TestCase("0", "Port number '0' is out of range; use 1 to 65535, e.g. 80 or 80/TCP.")]
    [TestCase("65536", "Port number '65536' is out of range; use 1 to 65535, e.g. 80 or 80/TCP.")]
    [TestCase("-1", "Port number '-1' is out of range; use 1 to 65535, e.g. 80 or 80/TCP.")]
    [TestCase("99999999999", "Port number '99999999999' is out of range; use 1 to 65535, e.g. 80 or 80/TCP.")]
    [TestCase("0/UDP", "Port number '0' in '0/UDP' is out of range; use 1 to 65535, e.g. 80/TCP.")]
    [TestCase("80/ICMP", "Protocol 'ICMP' in '80/ICMP' is not valid; use TCP, UDP or SCTP, e.g. 53/UDP.")]
    [TestCase("80/", "Protocol '' in '80/' is not valid; use TCP, UDP or SCTP, e.g. 53/UDP.")]
    [TestCase("http/TCP", "Port 'http/TCP' is not valid: only a port number can carry a protocol; " + Forms)]
    [TestCase("HTTP", "Port name 'HTTP' is not a valid container port name (at most 15 lowercase letters, digits and single inner hyphens, with at least one letter); " + Forms)]
    [TestCase("web--1", "Port name 'web--1' is not a valid container port name (at most 15 lowercase letters, digits and single inner hyphens, with at least one letter); " + Forms)]
    [TestCase("-http", "Port name '-http' is not a valid container port name (at most 15 lowercase letters, digits and single inner hyphens, with at least one letter); " + Forms)]
    [TestCase("http-", "Port name 'http-' is not a valid container port name (at most 15 lowercase letters, digits and single inner hyphens, with at least one letter); " + Forms)]
    [TestCase("abcdefghijklmnop", "Port name 'abcdefghijklmnop' is not a valid container port name (at most 15 lowercase letters, digits and single inner hyphens, with at least one letter); " + Forms)]
    [TestCase("8-0", "Port name '8-0' is not a valid container port name (at most 15 lowercase letters, digits and single inner hyphens, with at least one letter); " + Forms)]
    [TestCase("http_alt", "Port name 'http_alt' is not a valid container port name (at most 15 lowercase letters, digits and single inner hyphens, with at least one letter); " + Forms)]
    public void TryParse_Invalid_ExplainsExpectedForms(string text, string expected)
    {
        var parsed = PortQuery.TryParse(text, out var query, out var error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parsed, Is.False);
            Assert.That(query, Is.Null);
            Assert.That(error, Is.EqualTo(expected));
            Assert.That(error, Does.EndWith("."));
        }
    }

    [Test]
    public void TryParse_Null_AsksForAPort()
    {
        var parsed = PortQuery.TryParse(null, out _, out var error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parsed, Is.False);
            Assert.That(error, Is.EqualTo("A port is required; " + Forms));
        }
    }

    [Test]
    public void Of_BareNumber_MeansTcp()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(PortQuery.Of(80), Is.EqualTo(new PortQuery(Protocol.Tcp, 80, null)));
            Assert.That(PortQuery.Of(53, Protocol.Udp).ToString(), Is.EqualTo("53/UDP"));
            Assert.That(new PortQuery(null, 80, null).ToString(), Is.EqualTo("80/TCP"));
            Assert.That(PortQuery.Named("http").ToString(), Is.EqualTo("http"));
        }
    }

    [TestCase(0)]
    [TestCase(65536)]
    public void Of_OutOfRange_Throws(int number) =>
        Assert.That(() => PortQuery.Of(number), Throws.InstanceOf<ArgumentOutOfRangeException>());
}
