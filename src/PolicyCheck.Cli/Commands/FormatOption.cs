using System.CommandLine;
using System.CommandLine.Parsing;

namespace PolicyCheck.Cli.Commands;

/// <summary>
/// A command's format option: <c>-o, --output FORMAT</c> as kubectl spells it, and its earlier spelling
/// <c>--format</c>/<c>-f</c>, still accepted but hidden from help so that help shows the kubectl form. They are two
/// options to the parser and one to the command: give either (both at once is a usage error, see
/// <see cref="UsageRules.Exclusive"/>), and read the value with <see cref="Value(ParseResult)"/>.
/// </summary>
internal sealed record FormatOption<T>(Option<T> Output, Option<T> Legacy)
{
    /// <summary>The format given with either spelling, else the default.</summary>
    public T Value(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        // The parser's value is never null: an absent option takes the first choice (CommonOptions.Choice).
        return parse.GetResult(Legacy) is { Implicit: false } ? parse.GetValue(Legacy)! : parse.GetValue(Output)!;
    }

    /// <summary>The same, in a command's validator.</summary>
    public T Value(CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.GetResult(Legacy) is { Implicit: false } ? result.GetValue(Legacy)! : result.GetValue(Output)!;
    }
}
