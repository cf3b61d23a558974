using System.Collections.Immutable;
using PolicyCheck.Core.Engine;
using PolicyCheck.Core.Exposure;
using PolicyCheck.Core.Model;

namespace PolicyCheck.Reporting.List;

/// <summary>
/// What to list: the connections of a computed matrix between shown subjects, narrowed by a focus, a direction
/// and a port (which pairs that is, <see cref="ConnectionListing"/> in Core decides), and optionally the exposure
/// summary. <see cref="Entries"/> walks the matrix lazily, row by row, so a writer can stream a list of any length.
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
        return ListConnections ? Listing.Entries(Progress, ProgressStage) : [];
    }

    /// <summary>The pairs the list holds, as Core decides them.</summary>
    public ConnectionListing Listing => new(Matrix, Shown, Focus, Direction, Port, IncludeSelf);

    /// <summary>Rejects a report no writer can render faithfully.</summary>
    internal void Validate()
    {
        Listing.Validate();
        if (Exposure is not null && !ReferenceEquals(Exposure.Matrix, Matrix))
            throw new ArgumentException("The exposure summary was computed from another matrix.", nameof(Exposure));
    }
}
