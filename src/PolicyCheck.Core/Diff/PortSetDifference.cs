using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Diff;

/// <summary>Set difference of port sets, kept here so the engine's <see cref="PortSet"/> stays as it is.</summary>
internal static class PortSetDifference
{
    /// <summary>The members of <paramref name="left"/> that are not in <paramref name="right"/>.</summary>
    public static PortSet Except(PortSet left, PortSet right)
    {
        var result = PortSet.None;
        foreach (var protocol in ProtocolNames.All)
        {
            var remaining = new List<PortRange>();
            var subtract = right.Ranges(protocol);
            foreach (var range in left.Ranges(protocol))
            {
                var first = range.First;
                foreach (var cut in subtract)
                {
                    if (cut.Last < first || cut.First > range.Last)
                        continue;
                    if (cut.First > first)
                        remaining.Add(new PortRange(first, cut.First - 1));
                    first = cut.Last + 1;
                    if (first > range.Last)
                        break;
                }

                if (first <= range.Last)
                    remaining.Add(new PortRange(first, range.Last));
            }

            if (remaining.Count > 0)
                result = result.Union(PortSet.FromRanges(protocol, remaining));
        }

        return result;
    }
}
