using System.CommandLine;
using System.CommandLine.Parsing;
using PolicyCheck.Cli.Commands;
using PolicyCheck.Config;
using PolicyCheck.Core.Diagnostics;

namespace PolicyCheck.Cli.Configuration;

/// <summary>
/// Applies <c>defaults:</c> of <c>.policycheck.yaml</c> to any command, generically: each default names a command
/// and one of its options (long name without dashes); when the command line did not give that option, the default
/// is added as if typed (<c>--name value</c>, once per item of a list) and the line is parsed again, so every
/// option's own parser and validation apply. The command line always wins.
/// </summary>
internal static class CommandDefaults
{
    /// <summary>The option that <c>cni:</c> of the configuration sets (<see cref="CommonOptions.CniName"/> without dashes).</summary>
    private const string CniOption = "cni";

    /// <summary>Every default that names no command or no option of it, or whose value the option rejects.</summary>
    public static void Validate(Command root, ConfigFile config, List<SettingsError> errors)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(config);
        var commands = Commands(root).ToList();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in config.Defaults)
        {
            var command = commands.FirstOrDefault(c => c.Command.Name == entry.Command);
            if (command.Command is null)
            {
                if (reported.Add(entry.Command))
                    errors.Add(new SettingsError(entry.CommandSpan, $"'{entry.Command}' in 'defaults' is not a command; use {string.Join(", ", commands.Select(c => c.Command.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))}."));
                continue;
            }

            var option = Find(command.Command, entry.Option);
            if (option is null)
            {
                var names = Configurable(command.Command).Select(o => o.Name.TrimStart('-')).Order(StringComparer.Ordinal);
                errors.Add(new SettingsError(entry.Span, $"'{entry.Option}' is not an option of '{entry.Command}'; use {string.Join(", ", names)}."));
                continue;
            }

            var parse = root.Parse([.. command.Path, .. Tokens(option, entry.Value)]);
            foreach (var error in parse.Errors.Where(e => Concerns(e, option)))
                errors.Add(new SettingsError(entry.Value.Span, $"Default '{entry.Option}' of '{entry.Command}': {error.Message}{RenamedHint(entry)}"));
        }

        // cni: goes through --cni's own parser, on the first command that has it (every evaluating one does).
        if (config.Cni is { } cni && commands.FirstOrDefault(c => Find(c.Command, CniOption) is not null) is { Command: not null } withCni)
        {
            var option = Find(withCni.Command, CniOption)!; // the command was chosen for having it
            var parse = root.Parse([.. withCni.Path, option.Name, cni.Text]);
            foreach (var error in parse.Errors.Where(e => Concerns(e, option)))
                errors.Add(new SettingsError(cni.Span, $"'cni': {error.Message}"));
        }
    }


    /// <summary>
    /// The arguments with the defaults for the invoked command appended, for each option the command line left out;
    /// <paramref name="args"/> itself when none applies.
    /// </summary>
    public static string[] Apply(ParseResult parse, ConfigFile config, string[] args)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(config);
        var command = parse.CommandResult.Command;
        var added = new List<string>();
        foreach (var entry in config.Defaults.Where(d => d.Command == command.Name))
        {
            if (Find(command, entry.Option) is not { } option)
                continue; // Validate reported it
            if (parse.GetResult(option) is OptionResult { Implicit: false } || ExcludedBy(parse, command, option))
                continue; // the command line wins
            added.AddRange(Tokens(option, entry.Value));
        }

        // cni: is a default of every command with --cni, below the command's own defaults entry.
        if (config.Cni is { } cni && Find(command, CniOption) is { } cniOption &&
            parse.GetResult(cniOption) is not OptionResult { Implicit: false } &&
            !config.Defaults.Any(d => d.Command == command.Name && Find(command, d.Option) == cniOption))
            added.AddRange([cniOption.Name, cni.Text]);

        if (added.Count == 0)
            return args;

        // After '--' every token is an argument, so the defaults go before it.
        var end = Array.IndexOf(args, "--");
        return end < 0 ? [.. args, .. added] : [.. args[..end], .. added, .. args[end..]];
    }

    /// <summary>
    /// Whether the command line gave an option that excludes <paramref name="option"/> (<c>-A</c> against a configured
    /// <c>namespace</c>): the default then does not apply, as the command line wins.
    /// </summary>
    private static bool ExcludedBy(ParseResult parse, Command command, Option option)
    {
        foreach (var (first, second, _) in UsageRules.Exclusive)
        {
            var other = option.Name == first ? second : option.Name == second ? first : null;
            if (other is not null && command.Options.FirstOrDefault(o => o.Name == other) is { } excluding &&
                parse.GetResult(excluding) is OptionResult { Implicit: false } given &&
                (excluding is not Option<bool> || given.GetValueOrDefault<bool>()))
                return true;
        }

        return false;
    }

    /// <summary>
    /// <c>output</c> used to name the output file; it is now the format, as kubectl's <c>-o</c>. A value the
    /// format rejects is most likely an old file default, so the error says where the file now goes.
    /// </summary>
    private static string RenamedHint(OptionDefault entry) =>
        entry.Option == CommonOptions.OutputFormatName.TrimStart('-')
            ? $" 'output' now chooses the format, as kubectl's -o does; the file to write goes in '{CommonOptions.OutputFileName.TrimStart('-')}'."
            : "";

    private static IEnumerable<string> Tokens(Option option, ConfigValue value)
    {
        foreach (var item in value.Items)
        {
            yield return option.Name;
            yield return item.Text;
        }
    }

    private static bool Concerns(ParseError error, Option option) => error.SymbolResult switch
    {
        OptionResult result => result.Option == option,
        ArgumentResult { Parent: OptionResult result } => result.Option == option,
        _ => false,
    };

    private static Option? Find(Command command, string name) =>
        Configurable(command).FirstOrDefault(o => o.Name.TrimStart('-') == name || o.Aliases.Any(a => a.TrimStart('-') == name && a.StartsWith("--", StringComparison.Ordinal)));

    /// <summary>The options a default may set: the command's own, not help, version or the configuration switches.</summary>
    private static IEnumerable<Option> Configurable(Command command) =>
        command.Options.Where(o => !o.Recursive && o.Name is not ("--help" or "--version"));

    private static IEnumerable<(Command Command, string[] Path)> Commands(Command root)
    {
        foreach (var sub in root.Subcommands)
        {
            yield return (sub, [sub.Name]);
            foreach (var (nested, path) in Commands(sub))
                yield return (nested, [sub.Name, .. path]);
        }
    }
}
