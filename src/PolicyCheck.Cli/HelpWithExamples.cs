using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace PolicyCheck.Cli;

/// <summary>
/// The built-in help, followed by the command's examples and the exit codes, so --help teaches how to use a
/// command and what a CI can rely on, not only which options exist.
/// </summary>
internal sealed class HelpWithExamples : SynchronousCommandLineAction
{
    private readonly HelpAction _help;
    private readonly IReadOnlyDictionary<Command, string[]> _examples;

    public HelpWithExamples(HelpAction help, IReadOnlyDictionary<Command, string[]> examples)
    {
        _help = help;
        _examples = examples;
    }

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var result = _help.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        if (_examples.TryGetValue(parseResult.CommandResult.Command, out var examples))
        {
            output.WriteLine("Examples:");
            foreach (var example in examples)
                output.WriteLine("  " + example);
            output.WriteLine();
        }

        output.WriteLine("Exit codes:");
        output.WriteLine("  0   everything was read and evaluated");
        output.WriteLine("  1   findings at or above the failure threshold (lint --fail-on, diff --fail-on-new-*; suppressed ones never count)");
        output.WriteLine("  2   incomplete input: some file or object was rejected (see the messages on stderr)");
        output.WriteLine("  3   usage error: bad option or value, an invalid .policycheck.yaml, profile or baseline, or output that cannot be written");
        output.WriteLine("  4   cluster unreachable or refused the request (audit)");
        output.WriteLine("  10  internal error");
        output.WriteLine();
        return result;
    }
}
