namespace PolicyCheck.Reporting.Matrix;

/// <summary>The writer for each <see cref="MatrixFormat"/>.</summary>
public static class MatrixWriters
{
    /// <summary>
    /// A writer for <paramref name="format"/>. Writers are stateless and may be shared. Every format lists the
    /// shown subjects in the report's order, rows (sources) before columns (destinations).
    /// </summary>
    public static IMatrixWriter Create(MatrixFormat format) => format switch
    {
        MatrixFormat.Table => new TableMatrixWriter(),
        MatrixFormat.Json => new JsonMatrixWriter(),
        MatrixFormat.Csv => new CsvMatrixWriter(),
        MatrixFormat.Markdown => new MarkdownMatrixWriter(),
        MatrixFormat.Dot => new DotMatrixWriter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
