using System.Collections.Immutable;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Core.Engine;

/// <summary>
/// Which pairs of a computed matrix a connection list holds: the connections between shown subjects, narrowed by a
/// focus, a direction and a port, and on the diagonal a workload to itself or its replicas to each other. The list
/// writers only format what <see cref="Entries"/> yields, so every format lists the same pairs.
/// </summary>
/// <param name="Shown">Indices into <see cref="ReachabilityMatrix.Subjects"/>, in the order rows are walked; a connection is listed only when both ends are shown.</param>
/// <param name="Focus">When set, only connections from or to a subject it matches.</param>
/// <param name="Direction">With a focus: <see cref="Direction.Ingress"/> keeps connections into it, <see cref="Direction.Egress"/> out of it.</param>
/// <param name="Port">When set, only pairs where this port is allowed.</param>
/// <param name="IncludeSelf">Whether to list each workload to itself (always everything).</param>
public sealed record ConnectionListing(
    ReachabilityMatrix Matrix,
    ImmutableArray<int> Shown,
    SubjectQuery? Focus = null,
    Direction? Direction = null,
    PortQuery? Port = null,
    bool IncludeSelf = false)
{
    /// <summary>Rejects a listing whose pairs would be ambiguous: unset or repeated subjects, a direction without a focus.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Matrix);
        if (Shown.IsDefault)
            throw new ArgumentException("The shown subjects are not set.", nameof(Shown));
        if (Direction is not null && Focus is null)
            throw new ArgumentException("A direction needs a focus to be relative to.", nameof(Direction));
        var seen = new HashSet<int>();
        foreach (var index in Shown)
        {
            if (index < 0 || index >= Matrix.Subjects.Length)
                throw new ArgumentException($"Shown subject {index} is not in the matrix of {Matrix.Subjects.Length}.", nameof(Shown));
            if (!seen.Add(index))
                throw new ArgumentException($"Subject {index} is shown twice.", nameof(Shown));
        }
    }

    /// <summary>
    /// The listed pairs, row-major in <see cref="Shown"/> order. Lazy, so a list of any length streams: each call
    /// walks the matrix again, and <paramref name="progress"/> is told under <paramref name="stage"/> how many rows
    /// have been walked.
    /// </summary>
    public IEnumerable<ListEntry> Entries(IProgress<AnalysisProgress>? progress = null, string stage = "Listing connections")
    {
        Validate();
        return Walk(progress, stage);
    }

    private IEnumerable<ListEntry> Walk(IProgress<AnalysisProgress>? progress, string stage)
    {
        var focused = new bool[Matrix.Subjects.Length];
        if (Focus is not null)
        {
            foreach (var index in Focus.Resolve(Matrix))
                focused[index] = true;
        }

        // Columns to visit from a row outside the focus: only focused ones (ingress into the focus).
        ImmutableArray<int> focusedColumns = [.. Shown.Where(i => focused[i])];
        for (var row = 0; row < Shown.Length; row++)
        {
            var from = Shown[row];
            var columns = Focus is null || (focused[from] && Direction != Model.Direction.Ingress) ? Shown : focusedColumns;
            if (Focus is not null && !focused[from] && Direction == Model.Direction.Egress)
                columns = [];
            foreach (var to in columns)
            {
                var entry = from == to ? SelfEntry(from) : PairEntry(from, to);
                if (entry is not null)
                    yield return entry;
            }

            progress?.Report(new AnalysisProgress(stage, row + 1, Shown.Length));
        }
    }

    private ListEntry? PairEntry(int from, int to)
    {
        var allowed = Matrix.Allowed(from, to);
        if (allowed.IsEmpty || (Port is not null && !Port.IsAllowed(Matrix, from, to)))
            return null;
        return new ListEntry(from, to, allowed, null, PairListed: true, BetweenReplicasListed: false);
    }

    /// <summary>A workload to itself; an external subject has no such pair (outside-to-outside is not the cluster's).</summary>
    private ListEntry? SelfEntry(int subject)
    {
        if (Matrix.Subjects[subject].IsExternal)
            return null;
        var between = Matrix.BetweenReplicas(subject);
        var pairListed = IncludeSelf && (Port is null || Port.IsAllowed(Matrix, subject, subject));
        var betweenListed = between is { IsEmpty: false } &&
                            (Port is null || Port.IsAllowedBetweenReplicas(Matrix, subject) == true);
        return pairListed || betweenListed
            ? new ListEntry(subject, subject, Matrix.Allowed(subject, subject), between, pairListed, betweenListed)
            : null;
    }
}
