using System.Net;
using System.Net.Sockets;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;
using PolicyCheck.TestKit;

namespace PolicyCheck.Core.Tests;

/// <summary>
/// Outside subjects are named by everything they cover, and never mix the address families. The expected names are
/// worked out by hand from the CIDRs: 10.0.0.0/8 is 10.0.0.0–10.255.255.255, so the rest of IPv4 is the two ranges
/// either side of it; IPv6 is untouched by IPv4 ipBlocks and is ::/0.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class ExternalSubjectTests
{
    private static List<string> Externals(Cluster cluster) =>
        [.. Evaluator.Evaluate(cluster).Subjects.Where(s => s.IsExternal).Select(s => s.Id)];

    [Test]
    [Description("k8s docs: ipBlock cidr may be IPv4 or IPv6; with no ipBlock, each family is one subject of its own.")]
    public void NoIpBlocks_OneSubjectPerFamily_NamedAsWholeCidr() =>
        Assert.That(Externals(new ManifestBuilder().Workload("x/a").Build()), Is.EqualTo(new[] { "ext:0.0.0.0/0", "ext:::/0" }));

    [Test]
    public void Ipv4Block_RestOfIpv4ListsBothRanges_Ipv6Apart()
    {
        var cluster = new ManifestBuilder()
            .Workload("x/a", ("app", "a"))
            .Policy("x/p", p => p.Select(("app", "a")).Ingress(r => r.IpBlock("10.0.0.0/8")))
            .Build();

        Assert.That(Externals(cluster), Is.EqualTo(new[] { "ext:0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255", "ext:10.0.0.0/8", "ext:::/0" }));
    }

    [Test]
    [Description("k8s docs: except entries are excluded from the cidr; the hole is its own subject, and the name of the rest shows it.")]
    public void BlockWithExcept_HoleIsNamed_AndRestSaysWhereItIs()
    {
        var cluster = new ManifestBuilder()
            .Workload("x/a", ("app", "a"))
            .Policy("x/p", p => p.Select(("app", "a")).Ingress(r => r.IpBlock("0.0.0.0/0", "172.16.0.0/12")).Ingress(r => r.IpBlock("::/0")))
            .Build();

        Assert.That(Externals(cluster), Is.EqualTo(new[] { "ext:0.0.0.0-172.15.255.255,172.32.0.0-255.255.255.255", "ext:172.16.0.0/12", "ext:::/0" }));
    }

    [Test]
    [Description("Four /8 blocks leave five IPv4 ranges outside them all; the name lists three and counts the other two.")]
    public void ManyRanges_NameCountsTheRest_RangesListEvery()
    {
        var cluster = new ManifestBuilder()
            .Workload("x/a", ("app", "a"))
            .Policy("x/p", p => p.Select(("app", "a")).Ingress(r => r.IpBlock("10.0.0.0/8").IpBlock("20.0.0.0/8").IpBlock("30.0.0.0/8").IpBlock("40.0.0.0/8")))
            .Build();
        var rest = Evaluator.Evaluate(cluster).Subjects.First(s => s.IsExternal);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rest.Id, Is.EqualTo("ext:0.0.0.0-9.255.255.255,11.0.0.0-19.255.255.255,21.0.0.0-29.255.255.255,+2 more"));
            Assert.That(rest.Ranges.Select(r => r.ToString()), Is.EqualTo(new[]
            {
                "0.0.0.0-9.255.255.255", "11.0.0.0-19.255.255.255", "21.0.0.0-29.255.255.255", "31.0.0.0-39.255.255.255", "41.0.0.0-255.255.255.255",
            }));
        }
    }

    [Test]
    public void EveryExternalSubject_HoldsOneFamily()
    {
        var cluster = new ManifestBuilder()
            .Workload("x/a", ("app", "a"))
            .Policy("x/p", p => p.Select(("app", "a")).Egress(r => r.IpBlock("203.0.113.0/24")).Egress(r => r.IpBlock("2001:db8::/32")))
            .Build();
        var matrix = Evaluator.Evaluate(cluster);

        using (Assert.EnterMultipleScope())
        {
            foreach (var subject in matrix.Subjects.Where(s => s.IsExternal))
                Assert.That(subject.Ranges.Select(r => r.First.AddressFamily).Distinct().Count(), Is.EqualTo(1), subject.Id);
            Assert.That(ReferenceComparison.CheckPartition(matrix), Is.Null);
        }
    }

    [TestCase("10.0.0.0", "10.255.255.255", "10.0.0.0/8")]
    [TestCase("10.0.0.0", "10.0.2.255", "10.0.0.0-10.0.2.255")]
    [TestCase("10.0.0.2", "10.0.0.3", "10.0.0.2/31")]
    [TestCase("10.0.0.1", "10.0.0.2", "10.0.0.1-10.0.0.2")]
    [TestCase("203.0.113.7", "203.0.113.7", "203.0.113.7/32")]
    [TestCase("0.0.0.0", "255.255.255.255", "0.0.0.0/0")]
    [TestCase("::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "::/0")]
    [TestCase("8000::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "8000::/1")]
    [TestCase("::1", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "::1-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    public void ToShortString_CidrWhenExact_ElseRange(string first, string last, string expected) =>
        Assert.That(IpInterval.FromRange(new IpRange(IPAddress.Parse(first), IPAddress.Parse(last))).ToShortString(), Is.EqualTo(expected));

    [Test]
    public void RangeOf_NamesTheRangeHoldingTheAddress()
    {
        var subject = Subject.ForExternal([
            new IpRange(IPAddress.Parse("0.0.0.0"), IPAddress.Parse("9.255.255.255")),
            new IpRange(IPAddress.Parse("11.0.0.0"), IPAddress.Parse("255.255.255.255"))]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(subject.RangeOf(IPAddress.Parse("172.17.1.5")), Is.EqualTo("11.0.0.0-255.255.255.255"));
            Assert.That(subject.RangeOf(IPAddress.Parse("10.1.1.1")), Is.Null);
            Assert.That(subject.RangeOf(IPAddress.Parse("::1")), Is.Null);
            Assert.That(subject.Ranges[0].First.AddressFamily, Is.EqualTo(AddressFamily.InterNetwork));
        }
    }
}
