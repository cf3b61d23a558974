using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Reporting.Matrix;

/// <summary>The words beside a subject's id, or a group's members, in the legends of the tables for people.</summary>
internal static class Legend
{
    /// <summary>
    /// <c>Deployment, 3 replicas, ingress-isolated</c>, <c>Pod</c>, <c>External, 2 ranges</c>; a part of a controller that
    /// selectors split says whose (<c>StatefulSet, pod of db</c>, <c>Deployment, 2 replicas, part of web</c>), a
    /// workload an operator creates says from what (<c>StatefulSet, created from Prometheus k8s</c>), and a workload
    /// PolicyCheck assumed (the cluster DNS) ends <c>assumed: not in the inputs</c>.
    /// </summary>
    public static string Describe(ReachabilityMatrix matrix, int subject)
    {
        var s = matrix.Subjects[subject];
        var text = new StringBuilder(s.Kind);
        if (s.Workload is { } workload)
        {
            if (workload.Replicas > 1)
                text.Append(CultureInfo.InvariantCulture, $", {workload.Replicas} replicas");
            if (workload.Controller is { } controller && controller.Name != workload.Name)
                text.Append(workload.PodNames is [var pod] && pod == workload.Name ? ", pod of " : ", part of ").Append(controller.Name);
            if (workload.CreatedFrom is { } origin)
                text.Append(CultureInfo.InvariantCulture, $", created from {origin.Kind} {origin.Name}");
            if (matrix.IsIsolated(subject, Direction.Ingress))
                text.Append(", ingress-isolated");
            if (matrix.IsIsolated(subject, Direction.Egress))
                text.Append(", egress-isolated");
            if (s.IsAssumed)
                text.Append(", assumed: not in the inputs");
        }
        else if (s.Ranges.Length > 1)
        {
            text.Append(CultureInfo.InvariantCulture, $", {s.Ranges.Length} ranges");
        }

        return text.ToString();
    }

    /// <summary>
    /// A group: for one member as <see cref="Describe"/>; for more, <c>3 subjects: Deployment, Pod, ingress-isolated</c>
    /// (the kinds in order of first appearance, and the isolation members share, or <c>2 of 3 ingress-isolated</c>).
    /// </summary>
    public static string DescribeGroup(ReachabilityMatrix matrix, ImmutableArray<int> members)
    {
        if (members.Length == 1)
            return Describe(matrix, members[0]);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{members.Length:N0} subjects: ");
        text.AppendJoin(", ", members.Select(m => matrix.Subjects[m].Kind).Distinct(StringComparer.Ordinal));
        AppendIsolation(text, matrix, members, Direction.Ingress, "ingress-isolated");
        AppendIsolation(text, matrix, members, Direction.Egress, "egress-isolated");
        return text.ToString();
    }

    /// <summary>
    /// <c>shop/a, shop/b +3 more</c>: member ids in order, as many as fit in <paramref name="budget"/> characters
    /// (counting the <c>+N more</c>) and at most <paramref name="maxListed"/>, but always the first one.
    /// </summary>
    public static string Members(ReachabilityMatrix matrix, ImmutableArray<int> members, int budget, int maxListed = int.MaxValue)
    {
        var text = new StringBuilder(matrix.Subjects[members[0]].Id);
        var listed = 1;
        while (listed < members.Length && listed < maxListed)
        {
            var next = matrix.Subjects[members[listed]].Id;
            var rest = members.Length - listed - 1;
            var more = rest == 0 ? 0 : 1 + More(rest).Length;
            if (text.Length + 2 + next.Length + more > budget)
                break;
            text.Append(", ").Append(next);
            listed++;
        }

        if (listed < members.Length)
            text.Append(' ').Append(More(members.Length - listed));
        return text.ToString();
    }

    /// <summary><c>+12 more</c>.</summary>
    public static string More(int count) => string.Create(CultureInfo.InvariantCulture, $"+{count:N0} more");

    private static void AppendIsolation(StringBuilder text, ReachabilityMatrix matrix, ImmutableArray<int> members, Direction direction, string word)
    {
        var isolated = members.Count(m => matrix.IsIsolated(m, direction));
        if (isolated == members.Length)
            text.Append(", ").Append(word);
        else if (isolated > 0)
            text.Append(CultureInfo.InvariantCulture, $", {isolated:N0} of {members.Length:N0} {word}");
    }
}
