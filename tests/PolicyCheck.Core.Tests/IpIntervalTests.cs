using System.Net;
using System.Net.Sockets;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Tests;

[Parallelizable(ParallelScope.Fixtures)]
public sealed class IpIntervalTests
{
    private static readonly UInt128 Ipv4Max = 0xFFFF_FFFFu;

    private static IpInterval Cidr(string text)
    {
        Assert.That(IpCidr.TryParse(text, out var cidr), Is.True, text);
        return IpInterval.FromCidr(cidr);
    }

    [Test]
    public void FromCidr_Ipv4Zero_CoversTheWholeIpv4Space()
    {
        var interval = Cidr("0.0.0.0/0");

        Assert.That(interval, Is.EqualTo(new IpInterval(AddressFamily.InterNetwork, 0, Ipv4Max)));
        Assert.That(interval.EndsAtMax, Is.True);
        Assert.That(interval.LastAddress, Is.EqualTo(IPAddress.Parse("255.255.255.255")));
    }

    [Test]
    public void FromCidr_Ipv6Zero_CoversTheWholeIpv6Space()
    {
        var interval = Cidr("::/0");

        Assert.That(interval, Is.EqualTo(new IpInterval(AddressFamily.InterNetworkV6, 0, UInt128.MaxValue)));
        Assert.That(interval.LastAddress, Is.EqualTo(IPAddress.Parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")));
    }

    [Test]
    public void FromCidr_Slash32_IsOneAddress()
    {
        var interval = Cidr("10.1.2.3/32");

        // 10.1.2.3 = 10·2^24 + 1·2^16 + 2·2^8 + 3
        Assert.That(interval, Is.EqualTo(new IpInterval(AddressFamily.InterNetwork, 167838211, 167838211)));
    }

    [Test]
    public void FromCidr_Slash128_IsOneAddress()
    {
        var interval = Cidr("2001:db8::1/128");

        var expected = ((UInt128)0x2001_0db8 << 96) | 1;
        Assert.That(interval, Is.EqualTo(new IpInterval(AddressFamily.InterNetworkV6, expected, expected)));
    }

    [Test]
    public void FromCidr_Slash24_EndsAtTheBroadcastAddress()
    {
        var interval = Cidr("192.168.1.0/24");

        Assert.That(interval.FirstAddress, Is.EqualTo(IPAddress.Parse("192.168.1.0")));
        Assert.That(interval.LastAddress, Is.EqualTo(IPAddress.Parse("192.168.1.255")));
        Assert.That(interval.Last - interval.First, Is.EqualTo((UInt128)255));
    }

    [Test]
    public void FromCidr_Ipv6Slash64_SpansTwoToThe64Addresses()
    {
        var interval = Cidr("fd00:1::/64");

        Assert.That(interval.Last - interval.First, Is.EqualTo((UInt128)ulong.MaxValue));
        Assert.That(interval.LastAddress, Is.EqualTo(IPAddress.Parse("fd00:1::ffff:ffff:ffff:ffff")));
    }

    [Test]
    public void ToNumber_Ipv4Max_IsTwoToThe32MinusOne()
    {
        Assert.That(IpInterval.ToNumber(IPAddress.Parse("255.255.255.255")), Is.EqualTo(Ipv4Max));
        Assert.That(IpInterval.ToAddress(Ipv4Max, AddressFamily.InterNetwork), Is.EqualTo(IPAddress.Parse("255.255.255.255")));
    }

    [Test]
    public void ToNumber_Ipv6Max_IsUInt128Max()
    {
        var max = IPAddress.Parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");

        Assert.That(IpInterval.ToNumber(max), Is.EqualTo(UInt128.MaxValue));
        Assert.That(IpInterval.ToAddress(UInt128.MaxValue, AddressFamily.InterNetworkV6), Is.EqualTo(max));
    }

    [TestCase("0.0.0.0")]
    [TestCase("1.2.3.4")]
    [TestCase("128.0.0.1")]
    [TestCase("::")]
    [TestCase("::1")]
    [TestCase("::ffff:10.0.0.1")]
    [TestCase("2001:db8:85a3::8a2e:370:7334")]
    public void ToAddress_OfToNumber_GivesTheAddressBack(string text)
    {
        var address = IPAddress.Parse(text);

        Assert.That(IpInterval.ToAddress(IpInterval.ToNumber(address), address.AddressFamily), Is.EqualTo(address));
    }

    [Test]
    public void ToNumber_Ipv4MappedIpv6_IsAnIpv6Number()
    {
        // ::ffff:10.0.0.1 is 0xffff << 32 | 10.0.0.1 in the IPv6 space, not the IPv4 number 10.0.0.1.
        var mapped = IpInterval.ToNumber(IPAddress.Parse("::ffff:10.0.0.1"));

        Assert.That(mapped, Is.EqualTo(((UInt128)0xFFFF << 32) | 0x0A00_0001));
    }

    [Test]
    public void ToAddress_BeyondIpv4Max_Throws()
    {
        Assert.That(() => IpInterval.ToAddress(Ipv4Max + 1, AddressFamily.InterNetwork), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void IsFollowedBy_AdjacentIntervals_IsTrueOnlyForTheNextAddress()
    {
        var low = Cidr("10.0.0.0/25");
        var high = Cidr("10.0.0.128/25");
        var gap = Cidr("10.0.1.0/24");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(low.IsFollowedBy(high), Is.True);
            Assert.That(high.IsFollowedBy(low), Is.False);
            Assert.That(low.IsFollowedBy(gap), Is.False);
            Assert.That(high.IsFollowedBy(gap), Is.True);
        }
    }

    [Test]
    public void IsFollowedBy_AtFamilyMax_IsFalseEvenForAddressZero()
    {
        // UInt128.MaxValue + 1 wraps to 0; the end of the space is followed by nothing.
        var top = new IpInterval(AddressFamily.InterNetworkV6, UInt128.MaxValue, UInt128.MaxValue);
        var bottom = new IpInterval(AddressFamily.InterNetworkV6, 0, 0);
        var ipv4Top = new IpInterval(AddressFamily.InterNetwork, Ipv4Max, Ipv4Max);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(top.IsFollowedBy(bottom), Is.False);
            Assert.That(ipv4Top.IsFollowedBy(new IpInterval(AddressFamily.InterNetwork, 0, 0)), Is.False);
            Assert.That(ipv4Top.IsFollowedBy(new IpInterval(AddressFamily.InterNetworkV6, Ipv4Max + 1, Ipv4Max + 1)), Is.False);
        }
    }

    [Test]
    public void Contains_ChecksFamilyAndBothBounds()
    {
        var block = Cidr("172.16.0.0/12");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(block.Contains(IPAddress.Parse("172.16.0.0")), Is.True);
            Assert.That(block.Contains(IPAddress.Parse("172.31.255.255")), Is.True);
            Assert.That(block.Contains(IPAddress.Parse("172.32.0.0")), Is.False);
            Assert.That(block.Contains(IPAddress.Parse("172.15.255.255")), Is.False);
            Assert.That(block.Contains(IPAddress.Parse("::ffff:172.16.0.1")), Is.False);
        }
    }

    [Test]
    public void Intersect_OverlappingAndDisjoint()
    {
        var wide = Cidr("10.0.0.0/8");
        var range = IpInterval.FromRange(new IpRange(IPAddress.Parse("9.255.255.250"), IPAddress.Parse("10.0.0.5")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(wide.Intersect(range), Is.EqualTo(IpInterval.FromRange(new IpRange(IPAddress.Parse("10.0.0.0"), IPAddress.Parse("10.0.0.5")))));
            Assert.That(wide.Intersect(Cidr("11.0.0.0/8")), Is.Null);
            Assert.That(wide.Overlaps(Cidr("::/0")), Is.False);
            Assert.That(Cidr("0.0.0.0/0").Overlaps(Cidr("255.255.255.255/32")), Is.True);
        }
    }

    [TestCase("10.1.2.3", 24, "10.1.2.0", "10.1.2.255")]
    [TestCase("10.1.2.3", 0, "0.0.0.0", "255.255.255.255")]
    [TestCase("10.1.2.3", 32, "10.1.2.3", "10.1.2.3")]
    [TestCase("2001:db8::ff", 120, "2001:db8::", "2001:db8::ff")]
    [TestCase("2001:db8::ff", 128, "2001:db8::ff", "2001:db8::ff")]
    public void FromPrefix_MasksHostBits(string address, int prefix, string first, string last)
    {
        var interval = IpInterval.FromPrefix(IPAddress.Parse(address), prefix);

        Assert.That(interval.ToRange(), Is.EqualTo(new IpRange(IPAddress.Parse(first), IPAddress.Parse(last))));
    }

    [Test]
    public void FromPrefix_PrefixBeyondFamily_Throws()
    {
        Assert.That(() => IpInterval.FromPrefix(IPAddress.Parse("10.0.0.0"), 33), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void ToRange_WritesBothEnds()
    {
        Assert.That(Cidr("10.0.0.0/30").ToRange().ToString(), Is.EqualTo("10.0.0.0-10.0.0.3"));
    }
}
