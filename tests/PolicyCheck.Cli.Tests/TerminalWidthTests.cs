namespace PolicyCheck.Cli.Tests;

/// <summary>
/// Issue #13: piped output is laid out for <c>COLUMNS</c> when it is set, as POSIX describes the variable ("the
/// user's preferred width in column positions for the terminal screen or window"); a terminal keeps its own width.
/// </summary>
[Parallelizable(ParallelScope.Fixtures)]
public sealed class TerminalWidthTests
{
    private static int NoWindow() => throw new IOException("no terminal");

    [TestCase("60", 60)]
    [TestCase("200", 200)]
    [TestCase("10", 40)]
    [TestCase(null, 120)]
    [TestCase("", 120)]
    [TestCase("wide", 120)]
    [TestCase("0", 120)]
    [TestCase("-80", 120)]
    [TestCase("80.5", 120)]
    [Description("Piped: a positive whole COLUMNS is the width (never below 40); anything else leaves the default 120.")]
    public void Piped_WidthFromColumns(string? columns, int width) =>
        Assert.That(Terminal.WidthFor(outputIsTerminal: false, NoWindow, columns), Is.EqualTo(width));

    [Test]
    public void Terminal_OwnWidthWinsOverColumns() =>
        Assert.That(Terminal.WidthFor(outputIsTerminal: true, () => 100, "60"), Is.EqualTo(100));

    [Test]
    public void Terminal_WithoutWindowSize_Default() =>
        Assert.That(Terminal.WidthFor(outputIsTerminal: true, NoWindow, null), Is.EqualTo(120));

    [Test]
    public void Terminal_Narrow_AtLeastForty() =>
        Assert.That(Terminal.WidthFor(outputIsTerminal: true, () => 20, null), Is.EqualTo(40));
}
