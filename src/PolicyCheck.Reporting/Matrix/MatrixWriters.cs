namespace PolicyCheck.Reporting.Matrix;

/// <summary>The writer for each <see cref="MatrixFormat"/>.</summary>
public static class MatrixWriters
{
    /// <summary>
    /// A writer for <paramref name="format"/>. Writers are stateless and may be shared. Every format but the
    /// overview lists the shown subjects (or, for a report with groups, the groups) in the report's order, rows
    /// (sources) before columns (destinations). CSV and DOT reject a report with groups.
    /// </summary>
    public static IMatrixWriter Create(MatrixFormat format) => format switch
    {
        MatrixFormat.Table => new TableMatrixWriter(),
        MatrixFormat.Json => new JsonMatrixWriter(),
        MatrixFormat.Csv => new CsvMatrixWriter(),
        MatrixFormat.Markdown => new MarkdownMatrixWriter(),
        MatrixFormat.Dot => new DotMatrixWriter(),
        MatrixFormat.Overview => new OverviewMatrixWriter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
