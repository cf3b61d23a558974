using System.CommandLine;
using PolicyCheck.Core.Diagnostics;

namespace PolicyCheck.Cli.Configuration;

/// <summary>
/// What happens between parsing and running a command: the configuration is found, validated as a whole (an invalid
/// one stops every command with a usage error, never falling back to defaults) and its defaults for the invoked
/// command are applied.
/// </summary>
internal static class ConfigStep
{
    public static Option<string?> ConfigOption() => new(ProjectConfig.ConfigOption)
    {
        Description = $"Read this configuration file instead of the nearest .policycheck.yaml above the first input.",
        HelpName = "file",
        Recursive = true,
    };

    public static Option<bool> NoConfigOption() => new(ProjectConfig.NoConfigOption)
    {
        Description = "Ignore any .policycheck.yaml: no profile, rule settings, ignores or defaults from it.",
        Recursive = true,
    };

    /// <summary>
    /// The parse to invoke (with the configuration's defaults applied), or null after printing why the configuration
    /// is unusable. <paramref name="config"/> is the configuration that applies, if any.
    /// </summary>
    public static ParseResult? Prepare(Command root, ParseResult parse, string[] args, Terminal terminal, out ProjectConfig? config)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(parse);
        config = null;
        if (parse.Action is null || parse.Action != parse.CommandResult.Command.Action)
            return parse; // help, version: no configuration needed
        var errors = new List<SettingsError>();
        config = ProjectConfig.Load(parse, errors);
        if (config is not null)
            CommandDefaults.Validate(root, config.File, errors);
        if (errors.Count > 0)
        {
            Print(errors, terminal);
            return null;
        }

        if (config is null)
            return parse;
        var withDefaults = CommandDefaults.Apply(parse, config.File, args);
        if (ReferenceEquals(withDefaults, args))
            return parse;
        var configured = root.Parse(withDefaults);
        if (configured.Errors.Count == 0)
            return configured;
        foreach (var error in configured.Errors)
            terminal.Error.WriteLine($"policycheck: {config.File.Path}: error: with the configuration's defaults: {error.Message}");
        return null;
    }

    /// <summary>Prints each error; when one is in a configuration file, says how to run without it.</summary>
    public static void Print(IReadOnlyCollection<SettingsError> errors, Terminal terminal)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(terminal);
        foreach (var error in errors)
            terminal.Error.WriteLine($"policycheck: {error}");
        if (errors.Any(e => e.Span.Path.EndsWith(PolicyCheck.Config.ConfigFile.FileName, StringComparison.Ordinal)))
            terminal.Error.WriteLine("Fix the configuration, or run with --no-config to ignore it.");
    }
}
