namespace PolicyCheck.Reporting.Matrix;

/// <summary>
/// How large a table a terminal gets when nobody asked for a form: the full matrix while it is at most
/// <see cref="MaxScreens"/> screens wide, else the equivalence groups while there are at most
/// <see cref="MaxGroups"/> of them, else an overview. Callers apply it only to a table bound for a terminal: piped
/// or saved output, other formats and an explicit choice (<c>--group-equivalent</c>, <c>--no-group</c>) are never
/// changed. A pure function of counts and width, so it is decided before anything is written.
/// </summary>
public static class AutoGrouping
{
    /// <summary>
    /// The widest full table shown, in screens: the table pages its columns, and past a few pages of the same rows
    /// nobody can follow a row any more.
    /// </summary>
    public const int MaxScreens = 4;

    /// <summary>
    /// The most groups a grouped table shows. A grouped row stands for many subjects, so a longer, paged table is
    /// still worth reading; past this, a summary says more.
    /// </summary>
    public const int MaxGroups = 60;

    /// <summary>
    /// A typical column: a cell such as <c>T5432</c> or <c>all</c> and the two-space gap. Real widths vary; this
    /// keeps the rule independent of the cells, so the form is known before the table is laid out.
    /// </summary>
    private const int TypicalColumnWidth = 7;

    /// <summary>
    /// How many subject columns fit in <see cref="MaxScreens"/> screens of <paramref name="width"/> characters beside
    /// the row labels (at most a third of the width, at least 20, as the table cuts them): 8 at 40, 28 at 80, 44 at 120.
    /// </summary>
    public static int ReadableColumns(int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        var labels = Math.Max(20, width / 3);
        return Math.Max(1, (width - labels) / TypicalColumnWidth) * MaxScreens;
    }

    /// <summary>
    /// The form for <paramref name="subjects"/> shown subjects that fall into <paramref name="groups"/> equivalence
    /// groups on a terminal <paramref name="width"/> characters wide: <see cref="MatrixForm.Full"/> when the subjects
    /// fit <see cref="ReadableColumns"/>; otherwise <see cref="MatrixForm.Overview"/> for more than
    /// <see cref="MaxGroups"/> groups; otherwise <see cref="MatrixForm.Full"/> when grouping merges nothing (every
    /// group one subject: the groups would only rename the rows); otherwise <see cref="MatrixForm.Grouped"/>.
    /// </summary>
    public static MatrixForm Choose(int subjects, int groups, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(subjects);
        ArgumentOutOfRangeException.ThrowIfNegative(groups);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(groups, subjects);
        if (subjects <= ReadableColumns(width))
            return MatrixForm.Full;
        if (groups > MaxGroups)
            return MatrixForm.Overview;
        return groups == subjects ? MatrixForm.Full : MatrixForm.Grouped;
    }
}
