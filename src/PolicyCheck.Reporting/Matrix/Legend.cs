using System.Globalization;
using System.Text;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Reporting.Matrix;

/// <summary>The words beside a subject's id in the legends of the tables for people.</summary>
internal static class Legend
{
    /// <summary><c>Deployment, 3 replicas, ingress-isolated</c>, <c>Pod</c>, <c>External, 2 ranges</c>.</summary>
    public static string Describe(ReachabilityMatrix matrix, int subject)
    {
        var s = matrix.Subjects[subject];
        var text = new StringBuilder(s.Kind);
        if (s.Workload is { } workload)
        {
            if (workload.Replicas > 1)
                text.Append(CultureInfo.InvariantCulture, $", {workload.Replicas} replicas");
            if (matrix.IsIsolated(subject, Direction.Ingress))
                text.Append(", ingress-isolated");
            if (matrix.IsIsolated(subject, Direction.Egress))
                text.Append(", egress-isolated");
        }
        else if (s.Ranges.Length > 1)
        {
            text.Append(CultureInfo.InvariantCulture, $", {s.Ranges.Length} ranges");
        }

        return text.ToString();
    }
}
