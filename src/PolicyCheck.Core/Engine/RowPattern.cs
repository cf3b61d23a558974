namespace PolicyCheck.Core.Engine;

/// <summary>A row of cells as runs: <see cref="Starts"/> ascending from 0, each run holding one port-set index.</summary>
internal sealed record RowPattern(int[] Starts, int[] Values)
{
    public static RowPattern Uniform(int value) => new([0], [value]);

    /// <summary>Runs from one value per column, merging equal neighbours.</summary>
    public static RowPattern FromCells(int count, Func<int, int> cell)
    {
        var starts = new List<int>();
        var values = new List<int>();
        for (var column = 0; column < count; column++)
        {
            var value = cell(column);
            if (values.Count == 0 || values[^1] != value)
            {
                starts.Add(column);
                values.Add(value);
            }
        }

        return starts.Count == 0 ? Uniform(0) : new RowPattern([.. starts], [.. values]);
    }

    public int At(int column)
    {
        // The last run whose start is <= column.
        int lo = 0, hi = Starts.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if (Starts[mid] <= column)
                lo = mid;
            else
                hi = mid - 1;
        }

        return Values[lo];
    }
}
