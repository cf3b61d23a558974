using System.CommandLine;
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

    /// <summary>Colour on stdout: only on a terminal, and never when NO_COLOR is set (any value).</summary>
    public bool OutputColor => OutputIsTerminal && !NoColor;

    public bool ErrorColor => ErrorIsTerminal && !NoColor;

    private static bool NoColor => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) ||
                                   string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);

    /// <summary>The process's console, with terminal detection.</summary>
    public static Terminal FromConsole()
    {
        var outputIsTerminal = !Console.IsOutputRedirected;
        var width = 120;
        if (outputIsTerminal)
        {
            try
            {
                width = Math.Max(Console.WindowWidth, 40);
            }
            catch (IOException)
            {
                // No usable window size: keep the default width.
            }
        }

        return new Terminal(Console.Out, Console.Error, Console.In, outputIsTerminal, !Console.IsErrorRedirected, width);
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
        new(output, error, input ?? TextReader.Null, false, false, 120);
}
