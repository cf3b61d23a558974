using System.CommandLine;
using PolicyCheck.Config;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;
using PolicyCheck.Lint;
using PolicyCheck.Lint.Settings;
using PolicyCheck.Manifests.Input;
using PolicyCheck.Manifests.Operators;

namespace PolicyCheck.Cli.Configuration;

/// <summary>
/// The <c>.policycheck.yaml</c> that applies to a command line (none with <c>--no-config</c>, the file of
/// <c>--config</c>, else the nearest one above the first input, stopping at the repository root), read and fully
/// validated: its profile resolved and its rule settings checked against the catalogue.
/// </summary>
internal sealed record ProjectConfig(ConfigFile File, string Folder, LintSettings Rules, LintSettings? Profile)
{
    public const string ConfigOption = "--config";

    /// <summary>The shipped operator catalogue with the <c>operators:</c> entries on top; null when there are none.</summary>
    public OperatorCatalog? Operators { get; init; }
    public const string NoConfigOption = "--no-config";

    /// <summary>
    /// Whether <paramref name="name"/> was given. A command tree built without the root's options (an embedding host,
    /// a test wiring one command) simply has no such option; ParseResult.GetResult(string) would throw for it.
    /// </summary>
    private static bool IsGiven(ParseResult parse, string name) =>
        parse.RootCommandResult.Command.Options.Any(o => o.Name == name) && parse.GetResult(name) is not null;

    /// <summary>
    /// The configuration for <paramref name="parse"/>, or null when there is none. Errors (the file of --config
    /// missing, anything invalid in the file or its profile) are added to <paramref name="errors"/>.
    /// </summary>
    public static ProjectConfig? Load(ParseResult parse, List<SettingsError> errors)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (IsGiven(parse, NoConfigOption) && parse.GetValue<bool>(NoConfigOption))
            return null;
        string? path;
        if (IsGiven(parse, ConfigOption) && parse.GetValue<string?>(ConfigOption) is { } given)
        {
            path = Path.GetFullPath(given);
            if (!System.IO.File.Exists(path))
            {
                errors.Add(new SettingsError(SourceSpan.None, $"The configuration file '{given}' given to --config does not exist."));
                return null;
            }
        }
        else
        {
            path = Find(Inputs(parse));
        }

        return path is null ? null : Read(path, errors);
    }

    /// <summary>Reads and validates the configuration at <paramref name="path"/>.</summary>
    public static ProjectConfig? Read(string path, List<SettingsError> errors)
    {
        if (SettingsFile.Read(path, SettingsFile.ConfigLimit, out var readError) is not { } text)
        {
            errors.Add(new SettingsError(SourceSpan.None, $"The configuration file '{path}' cannot be read: {readError}."));
            return null;
        }

        var display = Display(path);
        var file = ConfigReader.ReadConfig(text, display, ProfileLoader.RuleIds, out var readErrors);
        errors.AddRange(readErrors);
        if (file is null)
            return null;
        var folder = Path.GetDirectoryName(path)!; // a full file path has a folder
        var rules = ProfileLoader.ToSettings(file.Rules);
        foreach (var glob in file.Ignore.Where(g => string.IsNullOrWhiteSpace(g.Text)))
            errors.Add(new SettingsError(glob.Span, "An 'ignore' pattern cannot be empty."));
        var count = errors.Count;
        var profile = file.Profile is { } named ? ProfileLoader.Load(named.Text, folder, named.Span, errors, RepositoryRoot(folder)) : null;
        errors.AddRange(rules.Validate(RuleCatalog.All));
        var operatorErrors = new List<OperatorCatalogError>();
        var operators = OperatorCatalogReader.Read(file.Operators, display, operatorErrors);
        errors.AddRange(operatorErrors.Select(e => new SettingsError(e.Span, e.Message)));
        foreach (var kind in file.IgnoreKinds)
        {
            if (Commands.IgnoreKinds.Check(kind.Text) is { } problem)
                errors.Add(new SettingsError(kind.Span, problem));
        }

        return errors.Count == count
            ? new ProjectConfig(file, folder, rules, profile)
            {
                Operators = operators.IsEmpty ? null : OperatorCatalog.Shipped.With(operators),
            }
            : null;
    }

    /// <summary>
    /// The rule settings of a lint run: the profile (<paramref name="profile"/> from the command line, else the
    /// configuration's, else <see cref="ProfileLoader.DefaultProfile"/>), then the configuration's rules on top.
    /// </summary>
    public static LintSettings? ResolveLintSettings(ProjectConfig? config, string? profile, List<SettingsError> errors)
    {
        LintSettings? settings;
        if (profile is not null)
            settings = ProfileLoader.Load(profile, Directory.GetCurrentDirectory(), SourceSpan.None, errors);
        else if (config?.Profile is { } configured)
            settings = configured;
        else
            settings = ProfileLoader.Load(ProfileLoader.DefaultProfile, Directory.GetCurrentDirectory(), SourceSpan.None, errors);
        if (settings is null)
            return null;
        var layered = config is null ? settings : settings.With(config.Rules);
        var count = errors.Count;
        errors.AddRange(layered.Validate(RuleCatalog.All));
        return errors.Count == count ? layered : null;
    }

    /// <summary>
    /// The repository a settings file in <paramref name="folder"/> belongs to: the nearest folder at or above it holding
    /// <c>.git</c>, else <paramref name="folder"/> itself. Files the configuration names must stay inside it.
    /// </summary>
    public static string RepositoryRoot(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var start = Path.GetFullPath(folder);
        for (var dir = start; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (Directory.Exists(Path.Combine(dir, ".git")) || System.IO.File.Exists(Path.Combine(dir, ".git")))
                return dir;
        }

        return start;
    }

    /// <summary>The <c>ignore:</c> globs, which every command that loads manifests applies to its inputs.</summary>
    public InputFilter InputFilter() => new(File.Ignore.Select(g => new PathGlob(g.Text)), Folder, File.Path);

    /// <summary>The nearest <c>.policycheck.yaml</c> from the first input upward; the search stops at the folder holding <c>.git</c>.</summary>
    public static string? Find(IReadOnlyList<string> inputs)
    {
        var first = inputs.FirstOrDefault(p => p != "-");
        var start = first is null ? Directory.GetCurrentDirectory() : Path.GetFullPath(first);
        for (var dir = Directory.Exists(start) ? start : Path.GetDirectoryName(start); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var candidate = Path.Combine(dir, ConfigFile.FileName);
            if (System.IO.File.Exists(candidate))
                return candidate;
            if (Directory.Exists(Path.Combine(dir, ".git")) || System.IO.File.Exists(Path.Combine(dir, ".git")))
                return null;
        }

        return null;
    }

    /// <summary>The values of the command's <c>paths</c> argument, if it has one.</summary>
    private static string[] Inputs(ParseResult parse) =>
        parse.CommandResult.Command.Arguments.FirstOrDefault(a => a.Name == "paths") is Argument<string[]> paths
            ? parse.GetValue(paths) ?? []
            : [];

    /// <summary>The path relative to the working folder when below it, for messages.</summary>
    private static string Display(string fullPath)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), fullPath);
        return (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative).Replace('\\', '/');
    }
}
