namespace PolicyCheck.Reporting.Matrix;

/// <summary>What a terminal table shows of a matrix; <see cref="AutoGrouping.Choose"/> picks one.</summary>
public enum MatrixForm
{
    /// <summary>Every shown subject as a row and a column.</summary>
    Full,

    /// <summary>Equivalence groups as rows and columns (<see cref="MatrixReport.Groups"/>).</summary>
    Grouped,

    /// <summary>A summary instead of a matrix (<see cref="MatrixFormat.Overview"/>).</summary>
    Overview,
}
