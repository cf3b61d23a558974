using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Tests;

[Parallelizable(ParallelScope.Fixtures)]
public sealed class PortSetTests
{
    [Test]
    public void Of_SinglePort_ContainsOnlyThatPortAndProtocol()
    {
        var set = PortSet.Of(Protocol.Udp, 53);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(set.Contains(Protocol.Udp, 53), Is.True);
            Assert.That(set.Contains(Protocol.Udp, 52), Is.False);
            Assert.That(set.Contains(Protocol.Udp, 54), Is.False);
            Assert.That(set.Contains(Protocol.Tcp, 53), Is.False);
            Assert.That(set.IsEmpty, Is.False);
            Assert.That(set.IsAll, Is.False);
        }
    }

    [TestCase(0, 1)]
    [TestCase(1, 65536)]
    [TestCase(90, 80)]
    public void Of_RangeOutsidePortsOrReversed_Throws(int first, int last)
    {
        Assert.That(() => PortSet.Of(Protocol.Tcp, first, last), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void FromRanges_OverlappingAndAdjacent_MergedIntoOne()
    {
        var set = PortSet.FromRanges(Protocol.Tcp, [new PortRange(21, 30), new PortRange(5, 12), new PortRange(10, 20)]);

        Assert.That(set.Ranges(Protocol.Tcp), Is.EqualTo(new[] { new PortRange(5, 30) }));
    }

    [Test]
    public void Union_DifferentProtocols_KeepsBoth()
    {
        var set = PortSet.Of(Protocol.Tcp, 80).Union(PortSet.Of(Protocol.Udp, 53));

        Assert.That(set.ToString(), Is.EqualTo("TCP 80; UDP 53"));
    }

    [Test]
    public void Union_EveryProtocolFull_IsAll()
    {
        var set = PortSet.AllOf(Protocol.Tcp).Union(PortSet.AllOf(Protocol.Udp)).Union(PortSet.AllOf(Protocol.Sctp));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(set.IsAll, Is.True);
            Assert.That(set, Is.EqualTo(PortSet.All));
        }
    }

    [Test]
    public void Intersect_OverlappingRanges_KeepsOverlapOnly()
    {
        var left = PortSet.Of(Protocol.Tcp, 1, 100).Union(PortSet.Of(Protocol.Udp, 53));
        var right = PortSet.Of(Protocol.Tcp, 50, 200).Union(PortSet.AllOf(Protocol.Sctp));

        Assert.That(left.Intersect(right), Is.EqualTo(PortSet.Of(Protocol.Tcp, 50, 100)));
    }

    [Test]
    public void Intersect_Disjoint_IsNone()
    {
        var set = PortSet.Of(Protocol.Tcp, 80).Intersect(PortSet.Of(Protocol.Tcp, 81));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(set.IsEmpty, Is.True);
            Assert.That(set, Is.EqualTo(PortSet.None));
        }
    }

    [Test]
    public void Equals_SameMembersBuiltDifferently_EqualWithSameHash()
    {
        var first = PortSet.Of(Protocol.Tcp, 80, 90).Union(PortSet.Of(Protocol.Tcp, 91, 100));
        var second = PortSet.FromRanges(Protocol.Tcp, [new PortRange(95, 100), new PortRange(80, 96)]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(second.GetHashCode(), Is.EqualTo(first.GetHashCode()));
        }
    }

    [Test]
    public void ToString_KnownSets_ReadableForm()
    {
        var mixed = PortSet.Of(Protocol.Tcp, 80)
            .Union(PortSet.Of(Protocol.Tcp, 8080, 8090))
            .Union(PortSet.AllOf(Protocol.Udp))
            .Union(PortSet.Of(Protocol.Sctp, 3868));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(PortSet.All.ToString(), Is.EqualTo("all"));
            Assert.That(PortSet.None.ToString(), Is.EqualTo("none"));
            Assert.That(PortSet.AllOf(Protocol.Udp).ToString(), Is.EqualTo("UDP all"));
            Assert.That(mixed.ToString(), Is.EqualTo("TCP 80,8080-8090; UDP all; SCTP 3868"));
        }
    }

    [TestCase("all")]
    [TestCase("none")]
    [TestCase("UDP all")]
    [TestCase("TCP 1,65535")]
    [TestCase("TCP 80,8080-8090; UDP 53; SCTP 1-65534")]
    [TestCase("TCP all; UDP all")]
    public void TryParse_WhatToStringWrites_RoundTrips(string text)
    {
        var parsed = PortSet.TryParse(text, out var set);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parsed, Is.True);
            Assert.That(set.ToString(), Is.EqualTo(text));
        }
    }

    [Test]
    public void TryParse_ExtraSpacesAndUnsortedRanges_Normalized()
    {
        var parsed = PortSet.TryParse("  UDP 53 ;  TCP 90-100,80 ", out var set);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parsed, Is.True);
            Assert.That(set, Is.EqualTo(PortSet.Of(Protocol.Tcp, 80).Union(PortSet.Of(Protocol.Tcp, 90, 100)).Union(PortSet.Of(Protocol.Udp, 53))));
        }
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" ; ")]
    [TestCase("TCP")]
    [TestCase("tcp 80")]
    [TestCase("ICMP 1")]
    [TestCase("TCP 0")]
    [TestCase("TCP 65536")]
    [TestCase("TCP 90-80")]
    [TestCase("TCP 80-")]
    [TestCase("TCP 80,")]
    [TestCase("TCP +80")]
    [TestCase("TCP eighty")]
    [TestCase("All")]
    public void TryParse_BadText_ReturnsFalse(string? text)
    {
        Assert.That(PortSet.TryParse(text, out _), Is.False);
    }

    [Test]
    public void Operations_RandomSets_AgreeWithPlainPortArrays()
    {
        var random = new Random(20240601);
        for (var round = 0; round < 200; round++)
        {
            var (left, leftModel) = RandomSet(random);
            var (right, rightModel) = RandomSet(random);
            var union = left.Union(right);
            var intersection = left.Intersect(right);
            var parsed = PortSet.TryParse(left.ToString(), out var reparsed);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(parsed, Is.True, $"round {round}: '{left}' does not parse");
                Assert.That(reparsed, Is.EqualTo(left), $"round {round}: '{left}' does not round-trip");
                Assert.That(right.Union(left), Is.EqualTo(union), $"round {round}: union is not commutative");
                Assert.That(right.Intersect(left), Is.EqualTo(intersection), $"round {round}: intersection is not commutative");
                foreach (var protocol in ProtocolNames.All)
                {
                    var p = (int)protocol;
                    for (var port = PortRange.MinPort; port <= PortRange.MaxPort; port += port < 200 ? 1 : 997)
                    {
                        Assert.That(left.Contains(protocol, port), Is.EqualTo(leftModel[p, port]), $"round {round}: '{left}' {protocol} {port}");
                        Assert.That(union.Contains(protocol, port), Is.EqualTo(leftModel[p, port] || rightModel[p, port]), $"round {round}: '{union}' {protocol} {port}");
                        Assert.That(intersection.Contains(protocol, port), Is.EqualTo(leftModel[p, port] && rightModel[p, port]), $"round {round}: '{intersection}' {protocol} {port}");
                    }
                }
            }
        }
    }

    /// <summary>A set of up to three small ranges per protocol, and the same set as a plain [protocol, port] array.</summary>
    private static (PortSet Set, bool[,] Model) RandomSet(Random random)
    {
        var model = new bool[3, PortRange.MaxPort + 1];
        var set = PortSet.None;
        foreach (var protocol in ProtocolNames.All)
        {
            for (var i = random.Next(0, 4); i > 0; i--)
            {
                var first = random.Next(10) == 0 ? random.Next(1, 65536) : random.Next(1, 150);
                var last = Math.Min(PortRange.MaxPort, first + random.Next(0, random.Next(10) == 0 ? 70000 : 20));
                set = set.Union(PortSet.Of(protocol, first, last));
                for (var port = first; port <= last; port++)
                    model[(int)protocol, port] = true;
            }
        }

        return (set, model);
    }
}
