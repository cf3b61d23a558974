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

    public static MatrixSummary Of(MatrixReport report, IMatrixCells cells)
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

        return new MatrixSummary(
            n, cells.Grouped ? cells.Count : null, CountAllowedPairs(cells, report.Port is not null), ingress, egress, report.Port?.ToString());
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

    /// <summary>Cell by cell, each counting the subject pairs it stands for: between groups every member pair answers alike.</summary>
    private static long CountAllowedPairs(IMatrixCells cells, bool port)
    {
        var n = cells.Count;
        var allowed = 0L;
        for (var row = 0; row < n; row++)
        {
            for (var column = 0; column < n; column++)
            {
                var pairs = cells.SubjectPairs(row, column);
                if (pairs > 0 && (port ? cells.IsPortAllowed(row, column) : !cells.Allowed(row, column).IsEmpty))
                    allowed += pairs;
            }
        }

        return allowed;
    }
}
