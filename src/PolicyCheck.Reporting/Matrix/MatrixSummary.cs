using System.Globalization;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Reporting.Matrix;

/// <summary>
/// The closing line of the tables for people: how many subjects are shown, how many ordered pairs of different
/// subjects allow something (or the queried port), and how many subjects policies isolate per direction.
/// </summary>
internal sealed record MatrixSummary(int Subjects, int AllowedPairs, int IngressIsolated, int EgressIsolated, string? Port)
{
    public int Pairs => Subjects * (Subjects - 1);

    public static MatrixSummary Of(MatrixReport report)
    {
        var n = report.Shown.Length;
        int allowed = 0, ingress = 0, egress = 0;
        for (var row = 0; row < n; row++)
        {
            if (report.Matrix.IsIsolated(report.Shown[row], Direction.Ingress))
                ingress++;
            if (report.Matrix.IsIsolated(report.Shown[row], Direction.Egress))
                egress++;
            for (var column = 0; column < n; column++)
            {
                if (row != column && (report.Port is null ? !report.Allowed(row, column).IsEmpty : report.IsPortAllowed(row, column)))
                    allowed++;
            }
        }

        return new MatrixSummary(n, allowed, ingress, egress, report.Port?.ToString());
    }

    /// <summary><c>3 subjects, 2 of 6 pairs allowed, isolated: 1 ingress, 0 egress</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Subjects} {(Subjects == 1 ? "subject" : "subjects")}, {AllowedPairs} of {Pairs} pairs " +
        $"{(Port is null ? "allowed" : "allow " + Port)}, isolated: {IngressIsolated} ingress, {EgressIsolated} egress");
}
