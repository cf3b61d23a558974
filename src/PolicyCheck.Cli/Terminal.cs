using System.CommandLine;
using System.Text;
using Microsoft.Win32.SafeHandles;
using PolicyCheck.Manifests.Input;

namespace PolicyCheck.Cli;

/// <summary>
/// Where a command writes and what it may assume about it. Results go to <see cref="Output"/> only; diagnostics,
/// progress and --verbose go to <see cref="Error"/>. Colour and progress need a real terminal and no NO_COLOR.
/// </summary>
public sealed record Terminal(TextWriter Output, TextWriter Error, TextReader Input, bool OutputIsTerminal, bool ErrorIsTerminal, int Width)
{
    /// <summary>
    /// The <c>ignore:</c> globs of the configuration that applies to this invocation (none without one), which
    /// every command that loads manifests applies to its inputs.
    /// </summary>
    public InputFilter? InputFilter { get; init; }

    /// <summary>The configuration's operator catalogue (the shipped one plus its <c>operators:</c>); null for the shipped one alone.</summary>
    public PolicyCheck.Manifests.Operators.OperatorCatalog? Operators { get; init; }

    /// <summary>The configuration's <c>ignore-kinds:</c>: policy kinds acknowledged as not evaluated.</summary>
    public IReadOnlyList<string> IgnoredKinds { get; init; } = [];

    /// <summary>Colour on stdout: only on a terminal, and never when NO_COLOR is set (any value).</summary>
    public bool OutputColor => OutputIsTerminal && !NoColor;

    public bool ErrorColor => ErrorIsTerminal && !NoColor;

    private static bool NoColor => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) ||
                                   string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);

    /// <summary>The width used when nothing says otherwise: no terminal and no <c>COLUMNS</c>.</summary>
    public const int DefaultWidth = PolicyCheck.Reporting.Matrix.RenderOptions.DefaultWidth;

    /// <summary>The narrowest width tables are laid out for, whatever the terminal or <c>COLUMNS</c> says.</summary>
    public const int MinimumWidth = 40;

    /// <summary>The process's console, with terminal detection.</summary>
    public static Terminal FromConsole()
    {
        var outputIsTerminal = !Console.IsOutputRedirected;
        var width = WidthFor(outputIsTerminal, () => Console.WindowWidth, Environment.GetEnvironmentVariable("COLUMNS"));
        return new Terminal(StandardOutput(outputIsTerminal), Console.Error, Console.In, outputIsTerminal, !Console.IsErrorRedirected, width);
    }

    /// <summary>
    /// The width to lay tables out for: a terminal's own width; for a pipe or file, <c>COLUMNS</c> when it is a
    /// positive whole number (as <c>ls</c> and <c>kubectl</c> read it, so <c>COLUMNS=200 policycheck matrix … | less</c>
    /// gets 200), else <see cref="DefaultWidth"/>; never less than <see cref="MinimumWidth"/>.
    /// </summary>
    /// <param name="windowWidth">Reads the terminal's width; may throw <see cref="IOException"/> when it has none.</param>
    public static int WidthFor(bool outputIsTerminal, Func<int> windowWidth, string? columns)
    {
        ArgumentNullException.ThrowIfNull(windowWidth);
        if (outputIsTerminal)
        {
            try
            {
                return Math.Max(windowWidth(), MinimumWidth);
            }
            catch (IOException)
            {
                return DefaultWidth; // no usable window size
            }
        }

        return int.TryParse(columns, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var given) && given > 0
            ? Math.Max(given, MinimumWidth)
            : DefaultWidth;
    }

    /// <summary>
    /// Standard output as the commands write it. A pipe or socket is written through file descriptor 1 directly, so a
    /// reader that closes it early (<c>| head -1</c>) is an error the command reports, not writes the .NET console
    /// drops without a word. A terminal, a file or a device keeps <see cref="Console.Out"/>: a file shares its offset
    /// with stderr under <c>&gt; log 2&gt;&amp;1</c>, which a FileStream (writing at its own position) would not.
    /// Like <see cref="Console.Out"/>: UTF-8 without a byte order mark, flushed after every write, synchronized.
    /// </summary>
    private static TextWriter StandardOutput(bool outputIsTerminal)
    {
        if (outputIsTerminal || OperatingSystem.IsWindows())
            return Console.Out;
        FileStream stream;
        try
        {
            stream = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
        {
            // No usable descriptor 1 (closed with >&-): the console copes with that on its own.
            return Console.Out;
        }

        if (stream.CanSeek)
        {
            stream.Dispose();
            return Console.Out;
        }

        var writer = new StreamWriter(new StandardOutputStream(stream), new UTF8Encoding(false), bufferSize: 4096) { AutoFlush = true };
        return TextWriter.Synchronized(writer);
    }

    /// <summary>
    /// The terminal a command runs with: the one <see cref="CliApp.RunAsync"/> invoked it with, or plain writers
    /// around the invocation's <see cref="InvocationConfiguration.Output"/> and <see cref="InvocationConfiguration.Error"/>
    /// when a test invokes a command tree itself.
    /// </summary>
    public static Terminal From(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var invocation = parse.InvocationConfiguration;
        return invocation is TerminalInvocation { Terminal: var terminal } ? terminal : Plain(invocation.Output, invocation.Error);
    }

    /// <summary>Plain writers (tests, pipes): never a terminal.</summary>
    public static Terminal Plain(TextWriter output, TextWriter error, TextReader? input = null) =>
        new(output, error, input ?? TextReader.Null, false, false, DefaultWidth);
}
