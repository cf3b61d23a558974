using System.CommandLine;

namespace PolicyCheck.Cli;

/// <summary>
/// The invocation configuration of one run, carrying its whole <see cref="Cli.Terminal"/> (terminal detection,
/// width, stdin, the configuration's ignores) besides the writers System.CommandLine knows about. Commands take it
/// from their parse result with <see cref="Terminal.From"/>, so nothing is captured when the command tree is built.
/// </summary>
internal sealed class TerminalInvocation : InvocationConfiguration
{
    public TerminalInvocation(Terminal terminal)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        Terminal = terminal;
        Output = terminal.Output;
        Error = terminal.Error;
        EnableDefaultExceptionHandler = false;
    }

    public Terminal Terminal { get; }
}
