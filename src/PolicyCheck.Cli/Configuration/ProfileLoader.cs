using System.Collections.Immutable;
using PolicyCheck.Config;
using PolicyCheck.Core.Diagnostics;
using PolicyCheck.Core.Model;
using PolicyCheck.Lint;
using PolicyCheck.Lint.Settings;

namespace PolicyCheck.Cli.Configuration;

/// <summary>
/// Finds a profile by shipped name (embedded from <c>policies/</c>) or file path, follows <c>extends:</c> and layers
/// the rule settings, base first.
/// </summary>
internal static class ProfileLoader
{
    public const string DefaultProfile = "baseline";
    private const string ResourcePrefix = "policies/";
    private const int MaxDepth = 16;

    /// <summary>The names of the shipped profiles, sorted.</summary>
    public static ImmutableArray<string> ShippedNames { get; } =
    [
        .. typeof(ProfileLoader).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^".yaml".Length])
            .Order(StringComparer.Ordinal),
    ];

    public static IReadOnlySet<string> RuleIds { get; } = RuleCatalog.All.Select(r => r.Descriptor.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The settings of profile <paramref name="reference"/> (a shipped name or a path, relative to
    /// <paramref name="baseFolder"/>), or null with the errors; <paramref name="at"/> is where it was named.
    /// </summary>
    /// <param name="boundary">
    /// The repository the profile and everything it extends must stay inside (symlinks resolved), so a pull request's
    /// configuration cannot make CI read a file outside the checkout; null for a profile the command line names, which
    /// may be anywhere but whose <c>extends:</c> stay inside its own repository.
    /// </param>
    public static LintSettings? Load(string reference, string baseFolder, SourceSpan at, List<SettingsError> errors, string? boundary = null) =>
        Load(reference, baseFolder, at, errors, [], boundary);

    /// <summary>The text of a shipped profile, or null.</summary>
    public static string? ShippedText(string name)
    {
        using var stream = typeof(ProfileLoader).Assembly.GetManifestResourceStream(ResourcePrefix + name + ".yaml");
        if (stream is null)
            return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Rule entries as Lint settings, keyed by rule ID.</summary>
    public static LintSettings ToSettings(IEnumerable<RuleEntry> rules)
    {
        var settings = ImmutableDictionary.CreateBuilder<string, RuleSettings>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            var parameters = rule.Parameters.ToImmutableDictionary(
                p => p.Name,
                p => p.Value.IsList
                    ? RuleParameterValue.List(p.Value.Items.Select(i => (i.Text, i.Span)), p.Value.Span)
                    : new RuleParameterValue([p.Value.Items[0].Text], [p.Value.Items[0].Span], false, p.Value.Span),
                StringComparer.Ordinal);
            settings[rule.RuleId] = new RuleSettings(rule.Enabled, rule.Severity, parameters, rule.Span);
        }

        return new LintSettings(settings.ToImmutable());
    }

    private static LintSettings? Load(string reference, string baseFolder, SourceSpan at, List<SettingsError> errors, List<string> chain, string? boundary)
    {
        string? text;
        string path;
        if (IsName(reference) && ShippedText(reference) is { } shipped)
        {
            (text, path) = (shipped, $"{ResourcePrefix}{reference}.yaml");
        }
        else
        {
            path = Path.GetFullPath(Path.Combine(baseFolder, reference));
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                errors.Add(new SettingsError(at, $"Profile '{reference}' is neither a shipped profile ({string.Join(", ", ShippedNames)}) nor a file."));
                return null;
            }

            boundary ??= ProjectConfig.RepositoryRoot(Path.GetDirectoryName(path)!); // a full path has a folder
            if (!SettingsFile.IsInside(path, boundary))
            {
                errors.Add(new SettingsError(at, $"Profile '{reference}' is outside the repository '{boundary}' (symlinks resolved); a profile the configuration names must be a file inside it."));
                return null;
            }

            text = Read(path, at, errors);
            if (text is null)
                return null;
        }

        if (chain.Contains(path, StringComparer.Ordinal) || chain.Count >= MaxDepth)
        {
            errors.Add(new SettingsError(at, $"Profile '{reference}' extends itself through {string.Join(" -> ", chain.Append(path))}."));
            return null;
        }

        var profile = ConfigReader.ReadProfile(text, path, RuleIds, out var profileErrors);
        errors.AddRange(profileErrors);
        if (profile is null)
            return null;
        var own = ToSettings(profile.Rules);
        if (profile.Extends is not { } extends)
            return LintSettings.Default.With(own);
        var folder = path.StartsWith(ResourcePrefix, StringComparison.Ordinal) ? baseFolder : Path.GetDirectoryName(path)!; // a full path has a folder
        var baseSettings = Load(extends.Text, folder, extends.Span, errors, [.. chain, path], boundary);
        return baseSettings?.With(own);
    }

    private static bool IsName(string reference) =>
        reference.Length > 0 && !reference.Contains('/', StringComparison.Ordinal) && !reference.Contains('\\', StringComparison.Ordinal) &&
        !reference.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && !reference.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static string? Read(string path, SourceSpan at, List<SettingsError> errors)
    {
        var text = SettingsFile.Read(path, SettingsFile.ConfigLimit, out var error);
        if (text is null)
            errors.Add(new SettingsError(at, $"Profile '{path}' cannot be read: {error}."));
        return text;
    }
}
