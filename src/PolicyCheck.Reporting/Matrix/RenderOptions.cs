namespace PolicyCheck.Reporting.Matrix;

/// <summary>How a writer for people lays out its text; machine formats (JSON, CSV, DOT) ignore it.</summary>
/// <param name="Color">Whether to use ANSI colours and non-ASCII glyphs (the caller decides: a terminal, <c>NO_COLOR</c> unset).</param>
/// <param name="Width">The columns available; the table pages its columns to fit.</param>
public sealed record RenderOptions(bool Color = false, int Width = RenderOptions.DefaultWidth)
{
    /// <summary>The width when the caller knows none: a pipe or file with no <c>COLUMNS</c>.</summary>
    public const int DefaultWidth = 120;

    public static RenderOptions Default { get; } = new();
}
