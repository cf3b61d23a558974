using System.Globalization;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Reporting.Matrix;

/// <summary>
/// The closing line of the tables for people: how many subjects are shown (and in how many groups, when grouped), how
/// many ordered pairs of different subjects allow something (or the queried port), and how many subjects policies
/// isolate per direction. Pairs are always counted between subjects, also when the report shows groups.
/// </summary>
internal sealed record MatrixSummary(int Subjects, int? Groups, long AllowedPairs, int IngressIsolated, int EgressIsolated, string? Port)
{
    public long Pairs => (long)Subjects * (Subjects - 1);

    public static MatrixSummary Of(MatrixReport report)
    {
        var n = report.Shown.Length;
        int ingress = 0, egress = 0;
        foreach (var subject in report.Shown)
        {
            if (report.Matrix.IsIsolated(subject, Direction.Ingress))
                ingress++;
            if (report.Matrix.IsIsolated(subject, Direction.Egress))
                egress++;
        }

        var allowed = report.Groups is null ? CountAllowedPairs(report) : CountAllowedGroupPairs(report);
        return new MatrixSummary(n, report.Groups?.Count, allowed, ingress, egress, report.Port?.ToString());
    }

    /// <summary><c>3 subjects, 2 of 6 pairs allowed, isolated: 1 ingress, 0 egress</c>; grouped <c>3 subjects in 2 groups, …</c>.</summary>
    public override string ToString()
    {
        var groups = Groups is { } count
            ? string.Create(CultureInfo.InvariantCulture, $" in {count:N0} {(count == 1 ? "group" : "groups")}")
            : "";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Subjects:N0} {(Subjects == 1 ? "subject" : "subjects")}{groups}, {AllowedPairs:N0} of {Pairs:N0} pairs " +
            $"{(Port is null ? "allowed" : "allow " + Port)}, isolated: {IngressIsolated:N0} ingress, {EgressIsolated:N0} egress");
    }

    private static long CountAllowedPairs(MatrixReport report)
    {
        var n = report.Shown.Length;
        var allowed = 0L;
        for (var row = 0; row < n; row++)
        {
            for (var column = 0; column < n; column++)
            {
                if (row != column && (report.Port is null ? !report.Allowed(row, column).IsEmpty : report.IsPortAllowed(row, column)))
                    allowed++;
            }
        }

        return allowed;
    }

    /// <summary>Group by group: every member pair of two groups answers alike, and so do the pairs inside a group.</summary>
    private static long CountAllowedGroupPairs(MatrixReport report)
    {
        var count = report.Groups!.Count; // the caller checked
        var allowed = 0L;
        for (var from = 0; from < count; from++)
        {
            long size = report.MembersOf(from).Length;
            for (var to = 0; to < count; to++)
            {
                var pairs = from == to ? size * (size - 1) : size * report.MembersOf(to).Length;
                if (pairs > 0 && (report.Port is null ? !report.GroupAllowed(from, to).IsEmpty : report.GroupPortAllowed(from, to)))
                    allowed += pairs;
            }
        }

        return allowed;
    }
}
