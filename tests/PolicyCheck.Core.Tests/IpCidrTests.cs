using System.Net;
using System.Net.Sockets;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Tests;

[Parallelizable(ParallelScope.Fixtures)]
public sealed class IpCidrTests
{
    [TestCase("10.0.0.0/8", "10.0.0.0", 8, AddressFamily.InterNetwork)]
    [TestCase("0.0.0.0/0", "0.0.0.0", 0, AddressFamily.InterNetwork)]
    [TestCase("192.168.1.7/32", "192.168.1.7", 32, AddressFamily.InterNetwork)]
    [TestCase("fd00::/64", "fd00::", 64, AddressFamily.InterNetworkV6)]
    [TestCase("::/0", "::", 0, AddressFamily.InterNetworkV6)]
    [TestCase("2001:db8::1/128", "2001:db8::1", 128, AddressFamily.InterNetworkV6)]
    public void TryParse_CanonicalCidr_KeepsNetworkAndIsCanonical(string text, string network, int prefix, AddressFamily family)
    {
        var parsed = IpCidr.TryParse(text, out var cidr);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parsed, Is.True);
            Assert.That(cidr.Network.BaseAddress, Is.EqualTo(IPAddress.Parse(network)));
            Assert.That(cidr.PrefixLength, Is.EqualTo(prefix));
            Assert.That(cidr.Family, Is.EqualTo(family));
            Assert.That(cidr.IsCanonical, Is.True);
            Assert.That(cidr.ToString(), Is.EqualTo(text));
        }
    }

    [TestCase("10.0.0.1/24", "10.0.0.0", 24)]
    [TestCase("172.17.200.9/12", "172.16.0.0", 12)]
    [TestCase("fd00::1/64", "fd00::", 64)]
    [TestCase("010.0.0.0/8", "10.0.0.0", 8)]
    [TestCase("127.010.020.030/32", "127.10.20.30", 32)]
    [TestCase("::ffff:10.1.0.0/104", "::ffff:10.0.0.0", 104)]
    [Description("The API server parses ipBlock CIDRs with k8s.io/utils/net ParseCIDRSloppy (Go 1.16's net.ParseCIDR): host bits are masked off and leading zeros are read as decimal (\"127.010.020.030\" is 127.10.20.30); such text is flagged non-canonical.")]
    public void TryParse_NonCanonicalCidr_MasksHostBitsAndIsNotCanonical(string text, string network, int prefix)
    {
        var parsed = IpCidr.TryParse(text, out var cidr);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parsed, Is.True);
            Assert.That(cidr.Network.BaseAddress, Is.EqualTo(IPAddress.Parse(network)));
            Assert.That(cidr.PrefixLength, Is.EqualTo(prefix));
            Assert.That(cidr.IsCanonical, Is.False);
            Assert.That(cidr.Text, Is.EqualTo(text));
        }
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("10.0.0.0")]
    [TestCase("/8")]
    [TestCase("10.0.0.0/")]
    [TestCase("10.0.0.0/33")]
    [TestCase("fd00::/129")]
    [TestCase("10.0.0.0/-1")]
    [TestCase("10.0.0.0/+8")]
    [TestCase("10.0.0.0/ 8")]
    [TestCase("10.0.0.0/8/8")]
    [TestCase("10.1/16")]
    [TestCase("10.0.0.256/32")]
    [TestCase("fe80::1%eth0/64")]
    [TestCase("host.example/24")]
    [TestCase("10.0.0.0/0008")]
    [TestCase("0x0a.0.0.0/8")]
    [TestCase("10.0.0.0x1/32")]
    [TestCase("10..0.0/16")]
    public void TryParse_BadInput_ReturnsFalse(string? text)
    {
        Assert.That(IpCidr.TryParse(text, out _), Is.False);
    }

    [TestCase("10.0.0.0/24", "10.0.0.0", true)]
    [TestCase("10.0.0.0/24", "10.0.0.255", true)]
    [TestCase("10.0.0.0/24", "10.0.1.0", false)]
    [TestCase("10.0.0.0/24", "9.255.255.255", false)]
    [TestCase("0.0.0.0/0", "255.255.255.255", true)]
    [TestCase("0.0.0.0/0", "::1", false)]
    [TestCase("::/0", "10.0.0.1", false)]
    [TestCase("fd00::/64", "fd00::ffff:ffff:ffff:ffff", true)]
    [TestCase("fd00::/64", "fd00:0:0:1::", false)]
    public void Contains_Address_InsideOnlyWhenSameFamilyAndPrefix(string text, string address, bool expected)
    {
        Assert.That(IpCidr.TryParse(text, out var cidr), Is.True);

        Assert.That(cidr.Contains(IPAddress.Parse(address)), Is.EqualTo(expected));
    }

    [TestCase("10.0.0.0/8", "10.1.0.0/16", true)]
    [TestCase("10.0.0.0/8", "10.0.0.0/8", false)]
    [TestCase("10.0.0.0/16", "10.0.0.0/8", false)]
    [TestCase("10.0.0.0/8", "11.0.0.0/16", false)]
    [TestCase("::/0", "10.0.0.0/8", false)]
    public void StrictlyContains_Cidr_OnlySmallerCidrsInside(string outer, string inner, bool expected)
    {
        Assert.That(IpCidr.TryParse(outer, out var outerCidr), Is.True);
        Assert.That(IpCidr.TryParse(inner, out var innerCidr), Is.True);

        Assert.That(outerCidr.StrictlyContains(innerCidr), Is.EqualTo(expected));
    }
}
