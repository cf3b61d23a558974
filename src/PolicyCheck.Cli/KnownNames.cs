using System.CommandLine.Parsing;

namespace PolicyCheck.Cli;

/// <summary>The names a command line may use at a point of the tree, for "did you mean" suggestions.</summary>
internal static class KnownNames
{
    /// <summary>
    /// Every spelling of the options that apply to <paramref name="command"/>: its own and the recursive ones of the
    /// commands above it (hidden ones too: they are valid spellings, such as --format).
    /// </summary>
    public static IEnumerable<string> Options(CommandResult command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var own = true;
        for (SymbolResult? result = command; result is not null; result = result.Parent)
        {
            if (result is not CommandResult level)
                continue;
            foreach (var option in level.Command.Options.Where(o => own || o.Recursive))
            {
                yield return option.Name;
                foreach (var alias in option.Aliases)
                    yield return alias;
            }

            own = false;
        }
    }
}
