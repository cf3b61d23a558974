namespace PolicyCheck.Reporting.Formats;

/// <summary>
/// How a table too wide for its width is split into pages of columns, each page repeating the row labels: as many
/// columns as fit on each page, in order, at least one per page. A last page holding a single column while others
/// hold several is rebalanced (so 7 columns that fit 3 to a page become 3 pages of 2, 2 and 3, not 3, 3 and 1):
/// a lone column on its own page is hard to read against the rows. It stays only when no split into the same
/// number of pages avoids it, such as when two columns never fit side by side.
/// </summary>
public static class ColumnPages
{
    /// <summary>Column ranges [First, End) in order, covering every column once.</summary>
    /// <param name="widths">Each column's width, without the gap before it.</param>
    /// <param name="labelWidth">The width of the row labels that start every line.</param>
    /// <param name="width">The width a line may take.</param>
    /// <param name="gap">The spaces before each column.</param>
    public static List<(int First, int End)> Split(IReadOnlyList<int> widths, int labelWidth, int width, int gap)
    {
        ArgumentNullException.ThrowIfNull(widths);
        var pages = Greedy(widths, labelWidth, width, gap);
        if (pages.Count < 2 || pages[^1].End - pages[^1].First > 1)
            return pages;
        var even = Even(widths.Count, pages.Count);
        if (even.All(p => p.End - p.First > 1 && Fits(widths, p, labelWidth, width, gap)))
            return even;

        // Uneven widths: move columns from the page before into the last one while both keep fitting, the page before
        // keeping at least two.
        while (pages[^2].End - pages[^2].First > 2 && pages[^1].End - pages[^1].First == 1)
        {
            var moved = (pages[^2].End - 1, pages[^1].End);
            if (!Fits(widths, moved, labelWidth, width, gap))
                break;
            pages[^2] = (pages[^2].First, pages[^2].End - 1);
            pages[^1] = moved;
        }

        return pages;
    }

    /// <summary>First fit: the fewest pages a split in order can have.</summary>
    private static List<(int First, int End)> Greedy(IReadOnlyList<int> widths, int labelWidth, int width, int gap)
    {
        var pages = new List<(int, int)>();
        var first = 0;
        var used = labelWidth;
        for (var column = 0; column < widths.Count; column++)
        {
            var cost = gap + widths[column];
            if (column > first && used + cost > width)
            {
                pages.Add((first, column));
                first = column;
                used = labelWidth;
            }

            used += cost;
        }

        pages.Add((first, widths.Count));
        return pages;
    }

    /// <summary><paramref name="count"/> columns over <paramref name="pageCount"/> pages whose sizes differ by at most one, larger pages last.</summary>
    private static List<(int First, int End)> Even(int count, int pageCount) =>
        [.. Enumerable.Range(0, pageCount).Select(p => (p * count / pageCount, (p + 1) * count / pageCount))];

    private static bool Fits(IReadOnlyList<int> widths, (int First, int End) page, int labelWidth, int width, int gap)
    {
        var used = labelWidth;
        for (var column = page.First; column < page.End; column++)
            used += gap + widths[column];
        return used <= width;
    }
}
