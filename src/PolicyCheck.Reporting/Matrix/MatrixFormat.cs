namespace PolicyCheck.Reporting.Matrix;

/// <summary>The ways a reachability matrix can be written.</summary>
public enum MatrixFormat
{
    /// <summary>A terminal table with a numbered legend; see <see cref="MatrixWriters.Create"/>.</summary>
    Table,

    /// <summary>The documented <c>policycheck/matrix/v1</c> document (docs/json-output.md).</summary>
    Json,

    /// <summary>An RFC 4180 matrix: one row per source, one column per destination.</summary>
    Csv,

    /// <summary>A GitHub-flavoured Markdown legend and table, for pull-request comments.</summary>
    Markdown,

    /// <summary>A Graphviz <c>digraph</c> with one edge per allowed pair.</summary>
    Dot,
}
