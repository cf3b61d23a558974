using System.Collections.Immutable;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Exposure;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Reporting.List;

/// <summary>
/// What to list: the connections of a computed matrix between shown subjects, narrowed by a focus, a direction
/// and a port, and optionally the exposure summary. <see cref="Entries"/> walks the matrix lazily, row by row, so
/// a writer can stream a list of any length.
/// </summary>
/// <param name="Shown">Indices into <see cref="ReachabilityMatrix.Subjects"/>, in the order rows are walked; a connection is listed only when both ends are shown.</param>
/// <param name="Focus">When set, only connections from or to a subject it matches.</param>
/// <param name="Direction">With a focus: <see cref="Direction.Ingress"/> keeps connections into it, <see cref="Direction.Egress"/> out of it.</param>
/// <param name="Port">When set, only pairs where this port is allowed.</param>
/// <param name="IncludeSelf">Whether to list each workload to itself (always <c>all</c>).</param>
/// <param name="ListConnections">False to write the exposure summary alone.</param>
/// <param name="Exposure">The summary to write after the list; <c>null</c> for none.</param>
/// <param name="Progress">Told how many rows have been walked.</param>
public sealed record ListReport(
    ReachabilityMatrix Matrix,
    ImmutableArray<int> Shown,
    SubjectQuery? Focus = null,
    Direction? Direction = null,
    PortQuery? Port = null,
    bool IncludeSelf = false,
    bool ListConnections = true,
    ExposureReport? Exposure = null,
    IProgress<AnalysisProgress>? Progress = null)
{
    public const string ProgressStage = "Listing connections";

    /// <summary>A report listing every subject's connections in the matrix's order.</summary>
    public static ListReport ForAll(ReachabilityMatrix matrix, ExposureReport? exposure = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return new ListReport(matrix, [.. Enumerable.Range(0, matrix.Subjects.Length)], Exposure: exposure);
    }

    /// <summary>
    /// The listed pairs, row-major in <see cref="Shown"/> order; nothing when <see cref="ListConnections"/> is false.
    /// Lazy: each call walks the matrix again.
    /// </summary>
    public IEnumerable<ListEntry> Entries()
    {
        Validate();
        return ListConnections ? Walk() : [];
    }

    /// <summary>Rejects a report no writer can render faithfully.</summary>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Matrix);
        if (Shown.IsDefault)
            throw new ArgumentException("The report's shown subjects are not set.", nameof(Shown));
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

        if (Exposure is not null && !ReferenceEquals(Exposure.Matrix, Matrix))
            throw new ArgumentException("The exposure summary was computed from another matrix.", nameof(Exposure));
    }

    private IEnumerable<ListEntry> Walk()
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
            var columns = Focus is null || (focused[from] && Direction != Core.Model.Direction.Ingress) ? Shown : focusedColumns;
            if (Focus is not null && !focused[from] && Direction == Core.Model.Direction.Egress)
                columns = [];
            foreach (var to in columns)
            {
                var entry = from == to ? SelfEntry(from) : PairEntry(from, to);
                if (entry is not null)
                    yield return entry;
            }

            Progress?.Report(new AnalysisProgress(ProgressStage, row + 1, Shown.Length));
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
