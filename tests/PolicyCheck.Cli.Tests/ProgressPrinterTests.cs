using PolicyCheck.Core.Engine;

namespace PolicyCheck.Cli.Tests;

[Parallelizable(ParallelScope.Fixtures)]
public sealed class ProgressPrinterTests
{
    private static (ProgressPrinter Printer, StringWriter Error) OnTerminal(TimeSpan elapsed)
    {
        var error = new StringWriter();
        var terminal = new Terminal(TextWriter.Null, error, TextReader.Null, OutputIsTerminal: false, ErrorIsTerminal: true, Width: 80);
        return (new ProgressPrinter(terminal, elapsed), error);
    }

    [Test]
    public void Report_LongRunOnTerminal_WritesOneRewrittenLine()
    {
        var (printer, error) = OnTerminal(TimeSpan.FromSeconds(2));

        printer.Report(new AnalysisProgress("evaluate", 50, 200));

        Assert.That(error.ToString(), Does.Contain("evaluate…  25% (50/200)"));
    }

    [Test]
    public void Report_QuickRun_StaysSilent()
    {
        var (printer, error) = OnTerminal(TimeSpan.Zero);

        printer.Report(new AnalysisProgress("evaluate", 1, 2));

        Assert.That(error.ToString(), Is.Empty);
    }

    [Test]
    public void Dispose_AfterProgress_ClearsTheLine()
    {
        var (printer, error) = OnTerminal(TimeSpan.FromSeconds(2));
        printer.Report(new AnalysisProgress("load", 1, 3));

        printer.Dispose();

        Assert.That(error.ToString().EndsWith("\r\u001b[2K", StringComparison.Ordinal), Is.True);
    }

    [Test]
    public void Report_NotATerminal_StaysSilent()
    {
        var error = new StringWriter();
        var printer = new ProgressPrinter(Terminal.Plain(TextWriter.Null, error), TimeSpan.FromSeconds(2));

        printer.Report(new AnalysisProgress("evaluate", 50, 200));

        Assert.That(error.ToString(), Is.Empty);
    }
}
