namespace PolicyCheck.Reporting.Matrix;

/// <summary>The ways a reachability matrix can be written.</summary>
public enum MatrixFormat
{
    /// <summary>
    /// A terminal table: a numbered legend, destinations as columns headed by those numbers, sources as rows.
    /// Cells are <c>all</c>, <c>-</c> (nothing) or compact sets such as <c>T80,443 U53</c>; longer ones become
    /// footnotes <c>[a]</c>; with a port query <c>yes</c>/<c>-</c>. The diagonal of a workload with several pods shows
    /// traffic between its replicas. Columns that do not fit <see cref="RenderOptions.Width"/> are paged
    /// (<c>columns 1-12 of 40</c>, row labels repeated). Without <see cref="RenderOptions.Color"/> only ASCII is added;
    /// with it, ANSI colours (green all, yellow partial, dim nothing) and <c>·</c>, <c>✓</c>, <c>✗</c>. Ends with a summary line.
    /// </summary>
    Table,

    /// <summary>The documented <c>policycheck/matrix/v1</c> document (docs/json-output.md), grouped or not.</summary>
    Json,

    /// <summary>An RFC 4180 matrix: one row per source, one column per destination.</summary>
    Csv,

    /// <summary>A GitHub-flavoured Markdown legend and table, for pull-request comments.</summary>
    Markdown,

    /// <summary>A Graphviz <c>digraph</c> with one edge per allowed pair.</summary>
    Dot,

    /// <summary>
    /// A few lines instead of the matrix: counts of subjects, groups, allowed pairs and isolated subjects, and the
    /// largest groups. What a terminal gets when even the grouped table would be too large (<see cref="AutoGrouping"/>).
    /// </summary>
    Overview,
}
